using Npgsql;
using Omtanke.Core.Import;

namespace Omtanke.Tests.Import;

/// <summary>The rows the importer encodes itself arrive in PostgreSQL as the values they were.</summary>
public sealed class BinaryCopyWriterTests
{
    [Test]
    public async Task Numbers_dates_texts_and_nulls_arrive_as_written()
    {
        decimal[] numbers = [0m, 0.00m, 0.5m, 1.0m, 123.45m, 10000m, 0.00001m, -7.250m, 12345678.9012m, 0.6789m];
        await using var conn = new NpgsqlConnection(await TestPostgres.CreateDatabaseAsync());
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE t (n numeric, d date, s text, i integer, b bigint)", conn))
            await create.ExecuteNonQueryAsync();

        await using (var copy = await conn.BeginRawBinaryCopyAsync("COPY t (n, d, s, i, b) FROM STDIN (FORMAT BINARY)"))
        {
            var writer = new BinaryCopyWriter(copy);
            writer.WriteHeader();
            foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
            {
                writer.StartRow(5);
                writer.WriteNumeric(number);
                writer.WriteDate(new DateOnly(1999, 12, 31).AddDays(i * 400));
                writer.WriteText(i % 2 == 0 ? "Vårdcentral Åsa" : "");
                if (i % 3 == 0) writer.WriteNull(); else writer.WriteInt32(-i);
                writer.WriteInt64(long.MaxValue - i);
            }
            writer.Complete();
        }

        var rows = new List<string>();
        await using (var select = new NpgsqlCommand("SELECT n::text, d::text, s, coalesce(i::text, 'null'), b::text FROM t", conn))
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add(string.Join('|', Enumerable.Range(0, 5).Select(reader.GetString)));
        Assert.That(rows, Is.EqualTo(numbers.Select((n, i) => string.Join('|',
            n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new DateOnly(1999, 12, 31).AddDays(i * 400).ToString("yyyy-MM-dd"),
            i % 2 == 0 ? "Vårdcentral Åsa" : "",
            i % 3 == 0 ? "null" : (-i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (long.MaxValue - i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }
}
