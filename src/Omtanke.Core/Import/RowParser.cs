namespace Omtanke.Core.Import;

/// <summary>Turns one row of a file into a source's values, with every cell's and every row rule's errors.</summary>
public sealed class RowParser(HeaderMatch header, ImportContext context)
{
    public SourceDefinition Source { get; } = header.Source!;
    /// <summary>Whose rows the file may hold: under a municipality's scope a row of another area is an error.</summary>
    public ImportScope Scope { get; init; } = ImportScope.Everything;

    public List<ImportError> Parse(ITableReader reader, RowValues values)
    {
        var errors = new List<ImportError>(0);
        values.Clear();
        for (var i = 0; i < Source.Columns.Count; i++)
        {
            var column = Source.Columns[i];
            var position = header.Positions[i];
            var cell = position < 0 ? null : reader.Cell(position);
            if (ColumnType.IsEmpty(cell))
            {
                if (!column.Optional)
                    errors.Add(new ImportError(reader.Line, column.Name, "", "Värde saknas: kolumnen är obligatorisk."));
                continue;
            }
            var reason = column.Type.TryParse(cell!, context, out var value);
            if (reason is null) values[i] = value;
            else errors.Add(new ImportError(reader.Line, column.Name, ImportError.Shown(ColumnType.CellText(cell!)), reason));
        }
        foreach (var rule in Source.RowRules)
        {
            if (!rule.Reads.All(values.Has) || rule.Holds(values)) continue;
            var shown = values[Source.IndexOf(rule.Column)];
            errors.Add(new ImportError(reader.Line, rule.Column, shown is null ? null : ImportError.Shown(ColumnType.CellText(shown)), rule.Reason(values)));
        }
        // Only a row that parsed has an area; an unrestricted import (nearly all rows) skips the check.
        if (Scope.Kommunkod is not null && errors.Count == 0 && Scope.RowRefusal(Source, values, Source.Area(values), reader.Line) is { } outside)
            errors.Add(outside);
        return errors;
    }
}
