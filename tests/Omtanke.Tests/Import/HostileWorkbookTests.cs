using System.IO.Compression;
using ClosedXML.Excel;
using Omtanke.Core.Import;

namespace Omtanke.Tests.Import;

/// <summary>
/// Issue 22, crafted workbooks: EXTRACTS.md, Rows and cells — a cell longer than 1 000 characters is a row error, and
/// an Excel cell is not read whole into memory to find that out.
/// </summary>
public sealed class HostileWorkbookTests
{
    private static string TooLong(int row, string column) => new ImportError(row, column, null,
        "Cellen är längre än 1000 tecken; ett värde får vara högst så långt. Korta av cellen (eller rätta exporten som " +
        "lagt text från flera fält i den) och importera filen igen.").Reason;

    [Test]
    public async Task A_workbook_cell_longer_than_1000_characters_is_a_row_error_naming_its_row_and_column()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.File("besok.xlsx");
        using (var workbook = new XLWorkbook())
        {
            Workbooks.Fill(workbook.AddWorksheet("Besök"), [.. Extracts.LakarbesokHeader.Split(';'), "kommentar"],
                ["B1", "P1", "1380", "VC Söder", "L1", new DateTime(2024, 3, 1), new string('x', 1000)],
                null,
                ["B2", "P2", "1380", "VC Söder", "L1", new DateTime(2024, 3, 2), new string('y', 1001)]);
            workbook.SaveAs(file);
        }

        await service.ImportRejectedWithAsync(file, new ImportError(4, "G", null, TooLong(4, "G")));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_cell_of_twenty_million_characters_is_refused_without_reading_it_into_memory(bool shared)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        const int length = 20_000_000;
        var file = folder.File("stor-cell.xlsx");
        WriteWorkbookWithOneLongCell(file, length, shared);
        Assert.That(new FileInfo(file).Length, Is.LessThan(1_000_000), "the workbook unpacks to far more than it weighs");

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var outcome = await service.ImportAsync(file);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        TestContext.Out.WriteLine($"{allocated:N0} bytes allocated by the import");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Rejected), outcome.Summary());
            Assert.That(outcome.Errors, Is.EqualTo(new[] { new ImportError(2, "F", null, TooLong(2, "F")) }));
            // Read whole, the cell alone is 40 MB of UTF-16 (and several times that while the XML reader builds it).
            Assert.That(allocated, Is.LessThan(length), $"{allocated:N0} bytes allocated");
        });
    }

    /// <summary>
    /// A workbook written part by part, as a crafted one is: a läkarbesök header and one row whose besoksdatum cell
    /// holds <paramref name="length"/> characters, as a shared string or inline.
    /// </summary>
    private static void WriteWorkbookWithOneLongCell(string path, int length, bool shared)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml);
        }
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            </Types>
            """);
        Part("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        Part("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Besök" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
            </Relationships>
            """);
        var header = Extracts.LakarbesokHeader.Split(';');
        var cells = new[] { "B1", "P1", "1380", "VC Söder", "L1" };
        using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open()))
        {
            sheet.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData><row r="1">""");
            for (var c = 0; c < header.Length; c++) sheet.Write($"""<c r="{(char)('A' + c)}1" t="inlineStr"><is><t>{header[c]}</t></is></c>""");
            sheet.Write("""</row><row r="2">""");
            for (var c = 0; c < cells.Length; c++) sheet.Write($"""<c r="{(char)('A' + c)}2" t="inlineStr"><is><t>{cells[c]}</t></is></c>""");
            if (shared) sheet.Write("""<c r="F2" t="s"><v>0</v></c>""");
            else WriteLongText(sheet, """<c r="F2" t="inlineStr"><is><t>""", length, "</t></is></c>");
            sheet.Write("</row></sheetData></worksheet>");
        }
        using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
        strings.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="1" uniqueCount="1">""");
        if (shared) WriteLongText(strings, "<si><t>", length, "</t></si>");
        strings.Write("</sst>");
    }

    private static void WriteLongText(StreamWriter writer, string before, int length, string after)
    {
        writer.Write(before);
        var chunk = new string('9', 100_000);
        for (var written = 0; written < length; written += chunk.Length) writer.Write(chunk);
        writer.Write(after);
    }
}
