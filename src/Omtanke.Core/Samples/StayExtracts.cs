namespace Omtanke.Core.Samples;

/// <summary>The slutenvard extract: every stay.</summary>
internal static class SlutenvardSamples
{
    public static SampleTable Table { get; } = new("slutenvard",
        new("vardtillfalle_id", CellKind.Text), new("patient_id", CellKind.Text), new("kommunkod", CellKind.Text),
        new("alder", CellKind.Integer), new("vardform", CellKind.Enum), new("inskrivningsdatum", CellKind.Date),
        new("utskrivningsdatum", CellKind.Date), new("inskrivningssatt", CellKind.Enum), new("utskrivningssatt", CellKind.Enum));

    public static object?[] Row(Stay s) =>
        [s.Id, s.Patient.Id, s.Kommunkod, s.Age, s.Vardform, s.Admitted, s.Discharged, s.Inskrivningssatt, s.Utskrivningssatt];
}

/// <summary>The utskrivningsklara extract: the stays with an utskrivningsklar notice.</summary>
internal static class UtskrivningsklaraSamples
{
    public static SampleTable Table { get; } = new("utskrivningsklara",
        new("vardtillfalle_id", CellKind.Text), new("patient_id", CellKind.Text), new("kommunkod", CellKind.Text),
        new("alder", CellKind.Integer), new("vardform", CellKind.Enum), new("sjukhus", CellKind.Text), new("enhet", CellKind.Text),
        new("inskrivningsdatum", CellKind.Date), new("utskrivningsklar_datum", CellKind.Date), new("utskrivningsdatum", CellKind.Date));

    public static object?[]? Row(Stay s) => s.ReadyForDischarge is { } ready ? Row(s, ready) : null;

    /// <summary>
    /// The same stays as a correction delivers them weeks later: a few notices withdrawn, some registered
    /// a day or two earlier than first reported, and some that were missing added.
    /// </summary>
    public static object?[]? CorrectedRow(Stay s, int seed)
    {
        var random = SampleRandom.For(seed, "utskrivningsklara-correction", s.Number);
        if (s.ReadyForDischarge is { } ready)
        {
            if (random.Chance(0.03)) return null;
            var earlier = random.Chance(0.15) ? random.Between(1, 2) : 0;
            return Row(s, SampleCalendar.Later(s.Admitted, ready.AddDays(-earlier)));
        }
        var missing = s is { Vardform: "somatik", Age: >= 75, Utskrivningssatt: "hem" or "sarskilt_boende" } && random.Chance(0.10);
        return missing ? Row(s, SampleCalendar.Later(s.Admitted, s.Discharged.AddDays(-random.Between(0, 2)))) : null;
    }

    private static object?[] Row(Stay s, DateOnly ready) =>
        [s.Id, s.Patient.Id, s.Kommunkod, s.Age, s.Vardform, s.Hospital, s.Ward, s.Admitted, ready, s.Discharged];
}
