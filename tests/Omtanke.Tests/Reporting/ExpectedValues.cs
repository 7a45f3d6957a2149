using Omtanke.Core.Reporting;
using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Reporting;

/// <summary>The values as <see cref="ValuesQuery"/> returns them, and how a workbook cell must show one.</summary>
public sealed class ExpectedValues
{
    private readonly Dictionary<(string, string, string), IndicatorValue> _values;

    private ExpectedValues(Dictionary<(string, string, string), IndicatorValue> values) => _values = values;

    public IReadOnlyCollection<IndicatorValue> All => _values.Values;

    public static async Task<ExpectedValues> ReadAsync(OmtankeService service, ValuesFilter filter)
    {
        var values = new Dictionary<(string, string, string), IndicatorValue>();
        await foreach (var v in ValuesQuery.ReadAsync(service.Db, filter)) values[(v.Indicator, v.Area, v.Period)] = v;
        return new ExpectedValues(values);
    }

    public IndicatorValue? Find(string indicator, string area, string period) => _values.GetValueOrDefault((indicator, area, period));

    /// <summary>The symbol a hidden value is shown as: &lt;5 for a small count, .. otherwise.</summary>
    public static string Symbol(IndicatorDefinition indicator, IndicatorValue value) =>
        indicator.Kind == IndicatorKind.Count && value.Value is >= 1 and < 5 ? "<5" : "..";

    /// <summary>A stored value as outputs write it: at most 4 decimals, never the raw quotient.</summary>
    public static double Published(IndicatorValue value) => (double)PublishedValue.Shown(value.Value).Number!.Value;

    public static void AssertCell(IXLCell cell, IndicatorDefinition indicator, IndicatorValue? expected, string what)
    {
        var where = $"{cell.Worksheet.Name}!{cell.Address} {what}";
        if (expected is null)
            Assert.That(cell.IsEmpty(), Is.True, where);
        else if (expected.Suppressed)
        {
            Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text), where);
            Assert.That(cell.GetString(), Is.EqualTo(Symbol(indicator, expected)), where);
        }
        else
            Assert.That(WorkbookChecks.Number(cell), Is.EqualTo(Published(expected)).Within(1e-9), where);
    }
}
