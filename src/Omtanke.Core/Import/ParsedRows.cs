using System.Threading.Channels;
using Omtanke.Core.Indicators;

namespace Omtanke.Core.Import;

/// <summary>Rows that parsed and passed every check, ready for the fact table.</summary>
public sealed class RowBatch(SourceDefinition source, int capacity)
{
    public RowValues[] Values { get; } = Enumerable.Range(0, capacity).Select(_ => new RowValues(source)).ToArray();
    public int[] Lines { get; } = new int[capacity];
    public string[] Areas { get; } = new string[capacity];
    /// <summary>The first day of the month of each row's reference date.</summary>
    public DateOnly[] Months { get; } = new DateOnly[capacity];
    public int Count { get; set; }
}

/// <summary>
/// What reading the whole file found: the rows and the errors of those that were refused; for a file without
/// errors also its rows per (month, kommunkod) slice and the lines whose unique keys may repeat an earlier line's.
/// </summary>
public sealed record ParseSummary(IReadOnlyList<ImportError> Errors, int ErrorCount, int Rows, int OutOfCounty,
    IReadOnlyDictionary<(DateOnly Month, string Area), int> Slices, DuplicateCandidates Duplicates);

/// <summary>
/// Reads, parses and checks a file's rows on a background thread while the caller writes the rows parsed
/// before them, so that reading and hashing overlap with encoding and sending. A fixed pool of batches
/// bounds memory whatever the file's size. After the first refused row nothing more is handed on, but
/// every row is still checked so the error report is complete.
/// </summary>
public static class ParsedRows
{
    private const int BatchRows = 2048;
    private const int Batches = 4;

    public static async Task<ParseSummary> StreamAsync(ITableReader reader, RowParser parser, long fileBytes,
        Action<RowBatch> write, CancellationToken ct)
    {
        var parsed = Channel.CreateBounded<RowBatch>(Batches);
        var free = Channel.CreateBounded<RowBatch>(Batches);
        for (var i = 0; i < Batches; i++) free.Writer.TryWrite(new RowBatch(parser.Source, BatchRows));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(reader, parser, new DuplicateCandidates(parser.Source, fileBytes),
            parsed.Writer, free.Reader, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in parsed.Reader.ReadAllAsync(ct))
            {
                write(batch);
                batch.Count = 0;
                free.Writer.TryWrite(batch);
            }
        }
        catch
        {
            await stop.CancelAsync();
            // The reader must not be read while the caller disposes it; whatever the producer then throws is moot.
            await Task.WhenAny(producer);
            throw;
        }
        return await producer;
    }

    private static async Task<ParseSummary> ProduceAsync(ITableReader reader, RowParser parser, DuplicateCandidates duplicates,
        ChannelWriter<RowBatch> parsed, ChannelReader<RowBatch> free, CancellationToken ct)
    {
        try
        {
            var errors = new List<ImportError>();
            var (errorCount, rows, outOfCounty) = (0, 0, 0);
            var slices = new Dictionary<(DateOnly Month, string Area), int>();
            var source = parser.Source;
            var batch = await free.ReadAsync(ct);
            while (reader.Read())
            {
                var values = batch.Values[batch.Count];
                var rowErrors = parser.Parse(reader, values);
                if (rowErrors.Count > 0)
                {
                    errorCount += rowErrors.Count;
                    errors.AddRange(rowErrors.Take(Importer.MaxReportedErrors - errors.Count));
                    continue;
                }
                rows++;
                var area = source.Area(values);
                if (!Areas.IsMunicipality(area)) outOfCounty++;
                if (errorCount > 0) continue;
                var reference = source.ReferenceDate(values);
                var month = new DateOnly(reference.Year, reference.Month, 1);
                slices[(month, area)] = slices.GetValueOrDefault((month, area)) + 1;
                batch.Lines[batch.Count] = reader.Line;
                batch.Areas[batch.Count] = area;
                batch.Months[batch.Count] = month;
                if (++batch.Count < batch.Values.Length) continue;
                duplicates.Add(batch);
                await parsed.WriteAsync(batch, ct);
                batch = await free.ReadAsync(ct);
            }
            if (errorCount == 0 && batch.Count > 0)
            {
                duplicates.Add(batch);
                await parsed.WriteAsync(batch, ct);
            }
            parsed.Complete();
            return new ParseSummary(errors, errorCount, rows, outOfCounty, slices, duplicates);
        }
        catch (Exception e)
        {
            parsed.TryComplete(e);
            throw;
        }
    }
}
