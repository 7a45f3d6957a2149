namespace Omtanke.Core.Samples;

/// <summary>A sample person: a personnummer-like id and the birth date it encodes, so ages are consistent.</summary>
internal readonly record struct Person(string Id, DateOnly BirthDate)
{
    public int AgeAt(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return day < BirthDate.AddYears(age) ? age - 1 : age;
    }
}

/// <summary>
/// The people of the samples, without a register in memory: person number k of those born in a year in
/// a municipality always has the same id ("YYYYMMDD-NNNN"), so every source can refer to the same people
/// and a file of any size needs no lookup table. The last digit is deliberately NOT the personnummer
/// check digit: no sample id can be a real person's number.
/// </summary>
internal static class PersonIds
{
    /// <summary>Id slots per birth year: one per home municipality (Halland's and the out-of-county ones), one for the deceased.</summary>
    private const int Slots = 16;
    private const int DeceasedSlot = Slots - 1;
    /// <summary>Per birth date: 1 000 serial numbers × 9 wrong check digits.</summary>
    private const int IdsPerDay = 9000;

    /// <summary>
    /// The largest scale whose most populous cohort (Halmstad, about 1 300 a year) still fits its slot's
    /// 365 × 9 000 / 16 ids.
    /// </summary>
    public const double MaxScale = 150;

    /// <summary>How many people of a municipality were born in a year (as the reference year ends).</summary>
    public static long CohortSize(string kommunkod, int birthYear, double scale)
    {
        var m = Halland.Municipalities.FirstOrDefault(x => x.Code == kommunkod);
        var population = m?.Population ?? Halland.OutOfCountyPopulation;
        return (long)Math.Round(population * scale * Halland.AgeShare(m, Halland.ReferenceYear - birthYear));
    }

    /// <summary>Person k (0 ≤ k &lt; cohort size) of those born in a year who live in a municipality.</summary>
    public static Person Resident(string kommunkod, int birthYear, long k) => Of(birthYear, k * Slots + SlotOf(kommunkod));

    /// <summary>
    /// People who die in hospital come from a range of their own that no other draw reaches, so nobody has
    /// a stay after their death.
    /// </summary>
    public static Person Deceased(int birthYear, long k) => Of(birthYear, k * Slots + DeceasedSlot);

    private static readonly Dictionary<string, int> SlotByKommunkod = Halland.Municipalities.Select(m => m.Code)
        .Concat(Halland.OutOfCounty).Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i);

    private static int SlotOf(string kommunkod) => SlotByKommunkod.TryGetValue(kommunkod, out var slot) ? slot
        : throw new ArgumentException($"No sample people live in {kommunkod}.");

    private static Person Of(int birthYear, long n)
    {
        var days = DateTime.IsLeapYear(birthYear) ? 366 : 365;
        var ids = (long)days * IdsPerDay;
        if (n >= ids) throw new ArgumentOutOfRangeException(nameof(n), "The scale is too large for personnummer-like ids.");
        // Spreads neighbouring numbers over the whole year and all serial numbers: 7919 is prime to 365 × 9 000 and 366 × 9 000.
        var spread = (n + 1) % ids * 7919 % ids;
        var q = spread / days;
        var birth = new DateOnly(birthYear, 1, 1).AddDays((int)(spread % days));
        var serial = (int)(q / 9);
        var digits = $"{birth:yyMMdd}{serial:D3}";
        var check = (LuhnCheckDigit(digits) + 1 + (int)(q % 9)) % 10;
        return new Person($"{birth:yyyyMMdd}-{serial:D3}{check}", birth);
    }

    private static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
