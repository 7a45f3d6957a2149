namespace Omtanke.Core.Indicators;

/// <summary>
/// Whether a source has current data for a month, read from the delivered slices rather than the facts:
/// a fact table lies in delivery order on disk, so probing it month by month can read most of it for
/// every probe (minutes on ten million visits), while the slices are a few rows per month.
/// </summary>
public static class DataMonths
{
    /// <summary>A condition that holds when the source has current rows for the month (a date expression).</summary>
    public static string Has(string sourceId, string month) =>
        $"EXISTS (SELECT 1 FROM delivery_slices ds WHERE ds.source = '{sourceId}' AND ds.superseded_by IS NULL AND ds.month = {month})";

    /// <summary>SELECT month: the source's months with current rows.</summary>
    public static string Of(string sourceId) =>
        $"SELECT DISTINCT month FROM delivery_slices WHERE source = '{sourceId}' AND superseded_by IS NULL";
}
