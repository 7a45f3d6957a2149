using System.Text;
using Omtanke.Core.Import;

namespace Omtanke.Tests.Import;

/// <summary>
/// Cell parsing rules that the two declared sources do not exercise through a file (no decimal column, no
/// enumeration value with å ä ö): checked on the column types every source is declared with.
/// </summary>
public sealed class ColumnTypeTests
{
    private static readonly ImportContext Context = new(new PatientIdHasher(Encoding.UTF8.GetBytes(TestPostgres.PatientKey)));

    private static (string? Reason, object? Value) Parse(ColumnType type, object cell)
    {
        var reason = type.TryParse(cell, Context, out var value);
        return (reason, value);
    }

    [TestCase("0,85", "0.85")]
    [TestCase("0.85", "0.85")]
    [TestCase("1", "1")]
    [TestCase("1 234,5", "1234.5")]
    [TestCase("1\u00A0234.5", "1234.5")]
    [TestCase("12\u202F345,25", "12345.25")]
    [TestCase("-0,5", "-0.5")]
    public void A_decimal_may_use_comma_or_point_and_group_thousands_with_spaces(string written, string expected)
    {
        var (reason, value) = Parse(new DecimalType(-1_000_000, 1_000_000), written);

        Assert.That(reason, Is.Null);
        Assert.That(value, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("1,234.5", "Inte ett tal (använd , eller . som decimaltecken).")]
    [TestCase("0,85 %", "Inte ett tal (använd , eller . som decimaltecken).")]
    [TestCase("ett", "Inte ett tal (använd , eller . som decimaltecken).")]
    [TestCase("1,01", "Måste vara mellan 0 och 1.")]
    [TestCase("-0.01", "Måste vara mellan 0 och 1.")]
    public void A_decimal_that_is_no_number_in_range_is_refused(string written, string expected)
    {
        var (reason, value) = Parse(new DecimalType(0, 1), written);

        Assert.That(reason, Is.EqualTo(expected));
        Assert.That(value, Is.Null);
    }

    [Test]
    public void A_numeric_Excel_cell_is_a_decimal()
    {
        Assert.That(Parse(new DecimalType(0, 1), 0.85d), Is.EqualTo(((string?)null, (object?)0.85m)));
    }

    [TestCase("genomford", "genomford")]
    [TestCase("Genomförd", "genomford")]
    [TestCase("GENOMFÖRD", "genomford")]
    [TestCase("Inställd", "installd")]
    [TestCase("särskilt boende", "sarskilt_boende")]
    [TestCase("Sarskilt_Boende", "sarskilt_boende")]
    [TestCase("Annan vårdenhet", "annan_vardenhet")]
    [TestCase(" ÖVRIGT ", "ovrigt")]
    public void Enumeration_values_match_ignoring_case_and_with_a_a_o_for_å_ä_ö(string written, string stored)
    {
        var type = new EnumType("genomford", "installd", "sarskilt_boende", "annan_vardenhet", "ovrigt");

        Assert.That(Parse(type, written), Is.EqualTo(((string?)null, (object?)stored)));
    }

    [Test]
    public void A_kommunkod_column_that_allows_the_region_accepts_the_word_in_any_case()
    {
        var type = new KommunkodType(allowRegion: true);

        Assert.That(Parse(type, "Region"), Is.EqualTo(((string?)null, (object?)"region")));
        Assert.That(Parse(type, "1383"), Is.EqualTo(((string?)null, (object?)"1383")));
        Assert.That(Parse(type, "regionen").Reason, Is.EqualTo("Ska vara en kommunkod med fyra siffror eller ordet region."));
    }
}
