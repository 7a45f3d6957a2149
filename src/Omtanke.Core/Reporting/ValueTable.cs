using Npgsql;
using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting;

/// <summary>
/// The computed values a report shows, read once through <see cref="ValuesQuery"/> and then looked up
/// by indicator, area and period label (yyyy-MM, yyyy-Qn or yyyy).
/// </summary>
public sealed class ValueTable
{
    private readonly Dictionary<(string Indicator, string Area, string Period), IndicatorValue> _values = [];

    public static async Task<ValueTable> ReadAsync(NpgsqlDataSource db, IEnumerable<ValuesFilter> filters, CancellationToken ct)
    {
        var table = new ValueTable();
        foreach (var filter in filters)
            await foreach (var value in ValuesQuery.ReadAsync(db, filter, ct))
                table._values[(value.Indicator, value.Area, value.Period)] = value;
        return table;
    }

    public IndicatorValue? Find(string indicator, string area, string period) =>
        _values.GetValueOrDefault((indicator, area, period));
}
