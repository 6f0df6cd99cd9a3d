using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Borgerpuls.Tests.Features.Reports;

/// <summary>The analyst's one command: <c>report … --out FILE</c>, each format read back and checked against the hand-computed
/// figures of <see cref="ReportDatabase"/>.</summary>
public sealed class ReportCommandTests(ReportDatabase data) : IClassFixture<ReportDatabase>
{
    private const string Samtale = "1. Hvor tilfreds";
    private const string Behandling = "2. Hvordan føler";
    private const string Spoerge = "3. Synes du, at du kan spørge";
    private const string JobReady = "Job- og uddannelsesparate";
    private const string Vulnerable = "Udsatte borgere";
    private const string RatesCaption = "Svarprocent pr. gruppe, hvor det vides, hvor mange der fik tilbudt at svare (tablet, invitationer, papir)";

    private async Task<string> ReportAsync(string extension, params string[] extra)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-report-").FullName, "udvalgsrapport." + extension);
        var result = await CliRunner.RunAsync(["report", "--instrument", "vive-7", "--from", "2025-01-01", "--to", "2025-12-31", "--out", file, "--db", data.Database.Value, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(file));
        return file;
    }

    [Fact]
    public async Task Word_report_has_seed_004_tables_with_the_hand_computed_shares()
    {
        using var document = WordprocessingDocument.Open(await ReportAsync("docx"), false);
        // Word refuses a document that breaks the schema; the SDK's validator checks what Word would.
        var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));

        var positive = WordTable(document, "Andel af positive besvarelser angivet i procent");
        Assert.Equal(["Spørgsmål", JobReady, Vulnerable, "I alt"], positive[0]);
        Assert.Equal(["93 pct.", "80 pct.", "89 pct."], Row(positive, Samtale)[1..]);
        Assert.Equal(["81 pct.", "58 pct.", "73 pct."], Row(positive, Behandling)[1..]);
        Assert.Equal(["87 pct.", "69 pct.", "81 pct."], Row(positive, "Gennemsnit over spørgsmålene")[1..]);
        Assert.Equal(["87 pct.", "69 pct.", "81 pct."], Row(positive, "Gennemsnit over alle besvarelser")[1..]);
        Assert.Equal(["100", "50", "150"], Row(positive, "Antal besvarelser")[1..]);
        // Nobody answered question 3: its base is 0, below k, so it shows the marker and no figure.
        Assert.All(Row(positive, Spoerge)[1..], cell => Assert.Equal("færre end 5 svar", cell));

        var negative = WordTable(document, "Andel af negative besvarelser angivet i procent");
        Assert.Equal(["3 pct.", "10 pct.", "5 pct."], Row(negative, Samtale)[1..]);
        Assert.Equal(["7 pct.", "20 pct.", "11 pct."], Row(negative, Behandling)[1..]);
        Assert.Equal(["5 pct.", "15 pct.", "8 pct."], Row(negative, "Gennemsnit over spørgsmålene")[1..]);

        // Which answers count, under each question, as seed 004 prints it.
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Descendants<Word.TableCell>(), c => c.InnerText.Contains("Andel der angiver 'meget tilfreds' eller 'tilfreds'", StringComparison.Ordinal));

        // Targets on the unrounded value, with significance: seed 004's thresholds (the demo municipality's).
        var targets = WordTable(document, "Måltal, hvert vurderet for sin egen gruppe og sit eget år på den uafrundede værdi");
        Assert.Equal(["87,0 pct.", "mindst 79,0 pct.", "opfyldt", "forskellen fra målet er statistisk signifikant"], targets.Single(r => r[1].Contains("mindst 79", StringComparison.Ordinal))[3..]);
        Assert.Equal(["15,0 pct.", "højst 13,0 pct.", "ikke opfyldt", "ikke signifikant forskellig fra målet"], targets.Single(r => r[1].Contains("højst 13", StringComparison.Ordinal))[3..]);

        // Response rate next to the bases, with the warning in words: udsatte 50 of 200 = 25 %, below a third.
        var rates = WordTable(document, RatesCaption);
        Assert.Equal(["Gruppe", "Svarprocent", "Besvaret", "Tilbudt", "Bemærkning"], rates[0]);
        Assert.Equal(["25 pct.", "50", "200", "Lav svarprocent; Afviger markant fra de øvrige grupper"], Row(rates, Vulnerable)[1..]);
        Assert.Equal(["100 pct.", "100", "100", "Afviger markant fra de øvrige grupper"], Row(rates, JobReady)[1..]);
        Assert.Equal(["50 pct.", "150", "300", ""], Row(rates, "I alt")[1..]);
        Assert.Contains(body.Elements<Word.Paragraph>(), p => p.InnerText.StartsWith("Advarsel: svarprocenten er lav", StringComparison.Ordinal) && p.InnerText.Contains(Vulnerable, StringComparison.Ordinal));
        Assert.Contains(body.Elements<Word.Paragraph>(), p => p.InnerText.StartsWith("Svarprocenten er antal besvarelser delt med", StringComparison.Ordinal));

        var actions = WordTable(document, "Handlinger, ansvarlige, frister og de spørgsmål, de skal flytte");
        Assert.Equal(["Fast procedure ved sagsbehandlerskift", "Jobcenterchef", "31. december 2025", "I gang", "2, 6", "Færre negative svar om behandling", ""], Row(actions, "Fast procedure"));
        Assert.Equal("Gennemført", Cell(actions, "Læsevenlige breve", "Status"));
        Assert.DoesNotContain(actions, r => r[0].Contains("andet spørgeskema", StringComparison.Ordinal));

        // Real Word headings, so staff can navigate and restyle.
        var headings = body.Elements<Word.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Sammenfatning", "Status på måltal", "Servicemål", "Resultater pr. spørgsmål og målgruppe", "Udvikling over tid", "Prioriteringskort",
            "Kommentarer: temaer og eksempler", "Status på handleplanen", "Metode"], headings);
        Assert.NotNull(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Word.Style>().SingleOrDefault(s => s.StyleId == "Heading1"));
        Assert.Contains(body.Descendants<Word.Paragraph>(), p => p.InnerText.Contains("færre end 5 svar", StringComparison.Ordinal) && p.InnerText.Contains("Af hensyn til borgernes anonymitet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Word_tables_keep_words_whole_and_rows_on_one_page_and_quarters_read_as_people_say_them()
    {
        var denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var before = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, denmark);
        using var document = WordprocessingDocument.Open(await ReportAsync("docx"), false);
        var after = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, denmark);
        var body = document.MainDocumentPart!.Document!.Body!;

        // Every page says what it belongs to and where it is.
        var footer = document.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.StartsWith("Udvalgsrapport: borgernes oplevelse af jobcentret · Side ", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<Word.SimpleField>().Select(f => f.Instruction!.Value!));
        // When it was made, in Danish local time.
        var made = body.Elements<Word.Paragraph>().Single(p => p.InnerText.StartsWith("Dannet ", StringComparison.Ordinal)).InnerText;
        Assert.DoesNotContain("UTC", made);
        Assert.Contains(made[^6..^1], new[] { before.ToString("HH:mm"), after.ToString("HH:mm") });

        foreach (var table in body.Elements<Word.Table>())
        {
            Assert.Equal(Word.TableLayoutValues.Fixed, table.GetFirstChild<Word.TableProperties>()!.TableLayout!.Type!.Value);
            var grid = table.GetFirstChild<Word.TableGrid>()!.Elements<Word.GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
            Assert.InRange(grid.Sum(), 9600, 9638);
            // Each column at least as wide as its longest word at 9.5 pt Calibri (under 5.5 pt a character incl. bold).
            var rows = table.Elements<Word.TableRow>().ToList();
            for (var c = 0; c < grid.Count; c++)
            {
                var longest = rows.Select(r => r.Elements<Word.TableCell>().ElementAtOrDefault(c)?.InnerText ?? "")
                    .SelectMany(t => t.Split(' ', '/')).Max(w => w.Length);
                Assert.True(grid[c] >= longest * 110, $"column {c} of a table is {grid[c]} twips for a {longest}-letter word");
            }
            Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<Word.CantSplit>()));
        }

        var trend = WordTable(document, "Gennemsnitlig andel positive og negative besvarelser pr. kvartal; ▲/▼ markerer en statistisk signifikant ændring fra perioden før (spørgsmålsnummer og procentpoint)");
        Assert.NotEmpty(trend.Skip(1));
        Assert.All(trend.Skip(1), r => Assert.Matches(@"^[1-4]\. kvt\. 2025$", r[0]));
    }

    [Fact]
    public async Task Excel_report_has_one_sheet_per_table_with_unrounded_numbers_and_neutralised_text()
    {
        using var document = SpreadsheetDocument.Open(await ReportAsync("xlsx"), false);
        var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        // Every sheet prints landscape on A4, one page wide (it used to print 19 pages of cut-off columns).
        Assert.All(document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet!), sheet =>
        {
            var setup = sheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.PageSetup>()!;
            Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal((1u, 0u, 9u), (setup.FitToWidth!.Value, setup.FitToHeight!.Value, setup.PaperSize!.Value));
            Assert.True(sheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
            // The title and the page number on every printed page.
            Assert.Matches(@"^&L.+&RSide &P af &N$", sheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>()!.OddFooter!.Text);
        });
        // Every table sheet repeats its header row on each printed page; the first sheet (text) has none.
        var titles = document.WorkbookPart!.Workbook!.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Where(d => d.Name == "_xlnm.Print_Titles").ToDictionary(d => (int)d.LocalSheetId!.Value, d => d.Text);
        Assert.Equal(SheetNames(document).Count - 1, titles.Count);
        Assert.Equal("'Måltal'!$1:$1", titles[1]);
        Assert.Equal("'Handleplan'!$1:$1", titles[SheetNames(document).Count - 1]);

        Assert.Equal(["Om rapporten", "Måltal", "Servicemål", "Positive", "Negative", "Svarbaser", "Svarprocent", "Detaljer", "Udvikling", "Prioriteringskort", "Temaer", "Citater", "Handleplan"], SheetNames(document));
        var positive = Sheet(document, "Positive");
        Assert.Equal(["Spørgsmål", JobReady, Vulnerable, "I alt"], positive[0]);
        var samtale = positive.Single(r => ((string)r[0]).StartsWith(Samtale, StringComparison.Ordinal));
        Assert.Equal(0.93, (double)samtale[1], 10);
        Assert.Equal(0.80, (double)samtale[2], 10);
        Assert.Equal(133.0 / 150, (double)samtale[3], 10);
        var average = positive.Single(r => ((string)r[0]).StartsWith("Gennemsnit over spørgsmålene", StringComparison.Ordinal));
        Assert.Equal(0.87, (double)average[1], 10);
        Assert.All(positive.Single(r => ((string)r[0]).StartsWith(Spoerge, StringComparison.Ordinal)).Skip(1), cell => Assert.Equal("færre end 5 svar", cell));

        var bases = Sheet(document, "Svarbaser");
        Assert.Equal([100.0, 50.0, 150.0, 0.0], bases.Single(r => ((string)r[0]).StartsWith(Samtale, StringComparison.Ordinal)).Skip(1));

        var rates = Sheet(document, "Svarprocent");
        Assert.Equal([Vulnerable, 0.25, 50.0, 200.0, "Lav svarprocent; Afviger markant fra de øvrige grupper"], rates.Single(r => (string)r[0] == Vulnerable));

        // The detailed sheet carries the Wilson interval: 93 of 100 → [0.8626, 0.9657].
        var details = Sheet(document, "Detaljer");
        var detail = details.Single(r => (string)r[0] == JobReady && (string)r[1] == "samtale");
        Assert.Equal(0.8626, (double)detail[6], 3);
        Assert.Equal(0.9657, (double)detail[7], 3);

        // A comment that a spreadsheet would run as a formula is written as text with a leading apostrophe.
        var quotes = Sheet(document, "Citater");
        Assert.Contains(quotes, r => (string)r[2] == "'" + ReportDatabase.Injection);
        var formulas = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>());
        Assert.Empty(formulas);
    }

    [Fact]
    public async Task Priority_map_is_drawn_as_a_chart_with_alternative_text_in_word_and_html_and_keeps_its_table()
    {
        using var document = WordprocessingDocument.Open(await ReportAsync("docx"), false);
        var body = document.MainDocumentPart!.Document!.Body!;

        var drawing = Assert.Single(body.Descendants<Word.Drawing>(), d => AltText(d).StartsWith("Prioriteringskort", StringComparison.Ordinal));
        var alt = AltText(drawing);
        Assert.StartsWith("Prioriteringskort, der placerer spørgsmålene efter tilfredshed", alt, StringComparison.Ordinal);
        Assert.Contains(Samtale, alt, StringComparison.Ordinal);
        var image = (ImagePart)document.MainDocumentPart.GetPartById(drawing.Descendants<A.Blip>().Single().Embed!.Value!);
        Assert.Equal("image/png", image.ContentType);
        using (var png = image.GetStream())
        {
            var signature = new byte[8];
            png.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }
        Assert.Equal("Figur: prioriteringskort", drawing.Ancestors<Word.Paragraph>().Single().PreviousSibling<Word.Paragraph>()?.InnerText);
        var table = WordTable(document, "Prioriteringskort: tilfredshed, betydning og kvadrant pr. spørgsmål");
        Assert.True(table.Count > 1);

        var html = await File.ReadAllTextAsync(await ReportAsync("html"));
        Assert.Contains("<figure class=\"chart\">\n<figcaption>Figur: prioriteringskort</figcaption>\n<img src=\"data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Prioriteringskort, der placerer spørgsmålene", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Prioriteringskort: tilfredshed, betydning og kvadrant pr. spørgsmål</caption>", html, StringComparison.Ordinal);
    }

    private static string AltText(Word.Drawing drawing) => drawing.Descendants<DW.DocProperties>().Single().Description?.Value ?? "";

    /// <summary>Besides the priority map, the shares of everyone in the selection (samtale 133/150 → 89 pct., behandling 110/150
    /// → 73 pct.) and the trend of their average ((88.67 + 73.33) / 2 = 81 pct., one quarter) are drawn, each read out in its
    /// alternative text.</summary>
    [Fact]
    public async Task Shares_and_trend_are_drawn_with_their_figures_in_the_alternative_text()
    {
        using var document = WordprocessingDocument.Open(await ReportAsync("docx"), false);
        var alts = document.MainDocumentPart!.Document!.Body!.Descendants<Word.Drawing>().Select(AltText).ToList();
        Assert.Equal(3, alts.Count);
        var shares = Assert.Single(alts, a => a.StartsWith("Vandrette søjler", StringComparison.Ordinal));
        Assert.Contains($"{Samtale}", shares, StringComparison.Ordinal);
        Assert.Contains("89 pct.", shares, StringComparison.Ordinal);
        Assert.Contains("73 pct.", shares, StringComparison.Ordinal);
        var trend = Assert.Single(alts, a => a.StartsWith("Linje over den gennemsnitlige andel", StringComparison.Ordinal));
        Assert.Contains("kvt. 2025 81 pct.", trend, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(await ReportAsync("html"));
        Assert.Contains("<figcaption>Figur: gennemsnitlig andel positive besvarelser pr. kvartal med 95 %-interval; * markerer en signifikant ændring</figcaption>", html, StringComparison.Ordinal);
    }

    /// <summary>A committee secretary finds a section from the contents and places a loose page by its header and footer.</summary>
    [Fact]
    public async Task Word_report_has_contents_pointing_at_every_heading_and_the_selection_in_the_header()
    {
        using var document = WordprocessingDocument.Open(await ReportAsync("docx"), false);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        var headings = body.Elements<Word.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").ToList();
        var entries = body.Elements<Word.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "TOC1" or "TOC2").ToList();
        Assert.True(headings.Count >= 8, $"{headings.Count} headings");
        Assert.Equal(headings.Select(h => h.InnerText), entries.Select(e => e.Descendants<Word.Hyperlink>().Single().InnerText.TrimEnd()));
        Assert.Equal(headings.Select(h => h.Elements<Word.BookmarkStart>().Single().Name!.Value), entries.Select(e => e.Descendants<Word.Hyperlink>().Single().Anchor!.Value));
        Assert.Contains(entries, e => e.InnerText.StartsWith("Status på handleplanen", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Contains(" PAGEREF _Toc", string.Concat(e.Descendants<Word.FieldCode>().Select(f => f.Text)), StringComparison.Ordinal));
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<Word.UpdateFieldsOnOpen>()?.Val?.Value);
        Assert.Equal("Indhold", body.Elements<Word.Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "TOCHeading").InnerText);

        var header = Assert.Single(main.HeaderParts).Header!.InnerText;
        Assert.Contains("1. januar 2025 – 31. december 2025", header, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(await ReportAsync("html"));
        Assert.Contains("<nav class=\"contents\" aria-labelledby=\"indhold\">\n<h2 id=\"indhold\">Indhold</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#afsnit-1\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"afsnit-1\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_is_a_print_page_without_script_and_english_is_available()
    {
        var danish = await File.ReadAllTextAsync(await ReportAsync("html"));
        var english = await File.ReadAllTextAsync(await ReportAsync("html", "--culture", "en"));

        Assert.Contains("<td class=\"figure\">93 pct.</td>", danish, StringComparison.Ordinal);
        Assert.Contains("@media print", danish, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", danish, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", danish, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td class=\"figure\">93%</td>", english, StringComparison.Ordinal);
        Assert.Contains("Share of positive answers", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<td class=\"figure\">25 pct.</td>", danish, StringComparison.Ordinal);
        Assert.Contains("Lav svarprocent", danish, StringComparison.Ordinal);
        Assert.Contains("<td class=\"figure\">25%</td>", english, StringComparison.Ordinal);
        Assert.Contains("Low response rate", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_dates_the_report_states_the_last_twelve_months_not_every_period()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-report-").FullName, "udvalgsrapport.html");
        var result = await CliRunner.RunAsync("--db", data.Database.Value, "report", "--instrument", "vive-7", "--out", file);
        Assert.True(result.ExitCode == 0, result.Error);

        // The months themselves are pinned with a fixed clock in ReportPeriodTests; here: a period is stated, not "every period".
        var html = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("alle perioder", html, StringComparison.Ordinal);
        Assert.Matches(@"1\. [a-z]+ \d{4} – \d{1,2}\. [a-z]+ \d{4}", html);
    }

    [Theory]
    [InlineData("pdf", new string[0], "Ukendt rapportformat ».pdf«; skriv til en .docx-, .xlsx- eller .html-fil.")]
    [InlineData("docx", new[] { "--where", "farve=blaa" }, "Ukendt dimension »farve«")]
    [InlineData("xlsx", new[] { "--where", "jobcentre=findes-ikke" }, "Ukendt jobcenter »findes-ikke«.")]
    [InlineData("html", new[] { "--k", "2" }, "Anonymitetsgrænsen kan aldrig være under 3.")]
    [InlineData("docx", new[] { "--by", "period", "--culture", "en" }, "trends by period on its own")]
    [InlineData("xlsx", new[] { "--culture=en", "--where", "jobcentre=findes-ikke" }, "Unknown job centre 'findes-ikke'")]
    public async Task A_bad_extension_or_filter_is_a_clear_error_and_writes_nothing(string extension, string[] extra, string message)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-report-").FullName, "udvalgsrapport." + extension);

        var result = await CliRunner.RunAsync(["report", "--instrument", "vive-7", "--out", file, "--db", data.Database.Value, .. extra]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
