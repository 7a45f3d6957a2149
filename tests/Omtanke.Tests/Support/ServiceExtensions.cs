using System.Globalization;
using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Tests;

/// <summary>Short forms for what tests do with the pipeline on their own database.</summary>
public static class ServiceExtensions
{
    public static Task<ImportOutcome> ImportAsync(this OmtankeService service, string path, string? source = null,
        bool dryRun = false) =>
        service.Importer.ImportAsync(new ImportRequest(path, "test", "test") { SourceId = source, DryRun = dryRun });

    /// <summary>Imports a file that must be accepted, failing the test with the import summary otherwise.</summary>
    public static async Task<ImportOutcome> ImportAcceptedAsync(this OmtankeService service, string path, string? source = null)
    {
        var outcome = await service.ImportAsync(path, source);
        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
        return outcome;
    }

    /// <summary>The lines the <c>values</c> command prints for the filter, header first (the CLI's own formatting).</summary>
    public static async Task<List<string>> ValuesLinesAsync(this OmtankeService service, string from, string to,
        PeriodType periodType = PeriodType.Month, string[]? indicators = null, string[]? areas = null)
    {
        var filter = new ValuesFilter(Month(from), Month(to), periodType, indicators, areas);
        var lines = new List<string> { ValuesCsv.Header };
        await foreach (var v in ValuesQuery.ReadAsync(service.Db, filter))
            lines.Add(ValuesCsv.Line(v, IndicatorCatalog.Find(v.Indicator)!.Kind == IndicatorKind.Count));
        return lines;
    }

    /// <summary>One value line without the status and suppression columns: indicator;area;period;num;den;value.</summary>
    public static async Task<string?> ValueAsync(this OmtankeService service, string indicator, string area, string period)
    {
        var type = period.Contains('Q') ? PeriodType.Quarter : period.Length == 4 ? PeriodType.Year : PeriodType.Month;
        var month = period.Length == 4 ? period + "-01" : period.Contains('Q')
            ? $"{period[..4]}-{(int.Parse(period[6..], CultureInfo.InvariantCulture) - 1) * 3 + 1:00}" : period;
        var lines = await service.ValuesLinesAsync(month, month, type, [indicator], [area]);
        var line = lines.Skip(1).SingleOrDefault(l => l.Split(';')[2] == period);
        return line is null ? null : string.Join(';', line.Split(';')[3..6]);
    }

    public static DateOnly Month(string yyyyMm) =>
        DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<T> ScalarAsync<T>(this OmtankeService service, string sql, params object?[] args)
    {
        await using var conn = await service.Db.OpenConnectionAsync();
        var result = await Sql.ScalarAsync(conn, sql, default, args);
        return result is null ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T),
            CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a query, each as its columns' text joined by '|' (NULL as empty).</summary>
    public static async Task<List<string>> RowsAsync(this OmtankeService service, string sql, params object?[] args) =>
        await RowsAsync(service.Db, sql, args);

    public static async Task<List<string>> RowsAsync(NpgsqlDataSource db, string sql, params object?[] args)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = Sql.Command(conn, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Text(reader.GetValue(i)))));
        return rows;
    }

    private static string Text(object value) => value switch
    {
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b).ToLowerInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// Every row of every table of the database as text, sorted, table by table: two snapshots are equal
    /// exactly when nothing in those tables changed (timestamps included).
    /// </summary>
    public static Task<Dictionary<string, List<string>>> SnapshotAsync(this OmtankeService service, params string[] except) =>
        SnapshotAsync(service.Db, except);

    public static async Task<Dictionary<string, List<string>>> SnapshotAsync(NpgsqlDataSource db, params string[] except)
    {
        var tables = await RowsAsync(db, """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
            """);
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in tables.Except(except))
            snapshot[table] = await RowsAsync(db, $"SELECT t::text FROM {table} t ORDER BY 1");
        return snapshot;
    }
}
