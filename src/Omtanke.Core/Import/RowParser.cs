namespace Omtanke.Core.Import;

/// <summary>Turns one row of a file into a source's values, with every cell's and every row rule's errors.</summary>
public sealed class RowParser(HeaderMatch header, ImportContext context)
{
    public SourceDefinition Source { get; } = header.Source!;
    /// <summary>Whose rows the file may hold: under a municipality's scope a row of another area is an error.</summary>
    public ImportScope Scope { get; init; } = ImportScope.Everything;

    private readonly List<ImportError> _errors = [];

    /// <summary>The row's errors, in a list that the next call reuses.</summary>
    public IReadOnlyList<ImportError> Parse(ITableReader reader, RowValues values)
    {
        _errors.Clear();
        values.Clear();
        if (reader.RowError is { } rowError)
        {
            _errors.Add(rowError);
            return _errors;
        }
        for (var i = 0; i < Source.Columns.Count; i++)
        {
            var column = Source.Columns[i];
            var position = header.Positions[i];
            string? reason;
            object? value;
            if (position >= 0 && reader.TryText(position, out var raw))
            {
                var text = raw.Trim();
                if (text.IsEmpty)
                {
                    Missing(reader, column);
                    continue;
                }
                reason = column.Type.TryParse(text, context, out value);
                if (reason is not null) _errors.Add(new ImportError(reader.Line, column.Name, ImportError.Shown(text.ToString()), reason));
            }
            else
            {
                var cell = position < 0 ? null : reader.Cell(position);
                if (ColumnType.IsEmpty(cell))
                {
                    Missing(reader, column);
                    continue;
                }
                reason = column.Type.TryParse(cell!, context, out value);
                if (reason is not null) _errors.Add(new ImportError(reader.Line, column.Name, ImportError.Shown(ColumnType.CellText(cell!)), reason));
            }
            if (reason is null) values[i] = value;
        }
        for (var r = 0; r < Source.RowRules.Count; r++)
        {
            var rule = Source.RowRules[r];
            if (!rule.Reads.All(values.Has) || rule.Holds(values)) continue;
            var shown = values[Source.IndexOf(rule.Column)];
            _errors.Add(new ImportError(reader.Line, rule.Column, shown is null ? null : ImportError.Shown(ColumnType.CellText(shown)), rule.Reason(values)));
        }
        // Only a row that parsed has an area; an unrestricted import (nearly all rows) skips the check.
        if (Scope.Kommunkod is not null && _errors.Count == 0 && Scope.RowRefusal(Source, values, Source.Area(values), reader.Line) is { } outside)
            _errors.Add(outside);
        return _errors;
    }

    private void Missing(ITableReader reader, Column column)
    {
        if (!column.Optional)
            _errors.Add(new ImportError(reader.Line, column.Name, "", "Värde saknas: kolumnen är obligatorisk."));
    }
}
