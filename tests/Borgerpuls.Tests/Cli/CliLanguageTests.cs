using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Cli;

/// <summary>The command line speaks Danish unless asked for English with <c>--culture en</c>, which is a global option like
/// <c>--db</c>: before or after the verb, as <c>--culture en</c> or <c>--culture=en</c>.</summary>
public sealed class CliLanguageTests
{
    [Fact]
    public async Task A_brand_new_database_is_created_with_danish_lines_and_english_ones_on_request()
    {
        var folder = Directory.CreateTempSubdirectory("borgerpuls-language-").FullName;
        var file = Path.Combine(folder, "ny.db");

        var created = await CliRunner.RunAsync("migrate", "--db", file);
        var again = await CliRunner.RunAsync("--culture", "en", "--db", file, "migrate");
        var unknown = await CliRunner.RunAsync("--db", file, "results", "--instrument", "findes-ikke");
        var unknownEnglish = await CliRunner.RunAsync("results", "--instrument", "findes-ikke", "--db", file, "--culture=en");
        var empty = await CliRunner.RunAsync("results", "--instrument", "vive-7", "--db", file);

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("Gennemførte ", created.Output, StringComparison.Ordinal);
        Assert.Contains("databasen er opdateret (Sqlite: ", created.Output, StringComparison.Ordinal);
        Assert.Contains("Database is up to date", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("Ukendt spørgeskema »findes-ikke«.", unknown.Error.Trim());
        Assert.Equal("Unknown instrument 'findes-ikke'.", unknownEnglish.Error.Trim());
        Assert.Contains("Der er endnu ingen svar på vive-7", empty.Error, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(new[] { "results", "--instrument", "vive-7", "--from", "01-03-2026" }, "--from »01-03-2026« er ikke en dato, der kan læses uden tvivl")]
    [InlineData(new[] { "results", "--instrument", "vive-7", "--k", "fem" }, "--k »fem« er ikke et helt tal.")]
    [InlineData(new[] { "device", "revoke", "abc" }, "Enhedsnummer »abc« er ikke et helt tal.")]
    [InlineData(new[] { "results", "--instrument", "vive-7", "--format", "pdf" }, "Ukendt format »pdf«; brug json, csv, csv-da eller table.")]
    [InlineData(new[] { "campaign", "delete-data", "efteraar" }, "Tilføj --yes for at bekræfte")]
    [InlineData(new[] { "import", "findes-ikke.csv", "--instrument", "findes-ikke" }, "Ukendt spørgeskema »findes-ikke«.")]
    // The parser's own refusals, which it words only in English.
    [InlineData(new[] { "results" }, "Tilvalget --instrument skal angives.")]
    [InlineData(new[] { "device" }, "Angiv en kommando; --help viser dem.")]
    [InlineData(new[] { "results", "--instrument", "vive-7", "--k", "3", "--k", "4" }, "Tilvalget --k tager én værdi, men fik 2.")]
    [InlineData(new[] { "--culture", "en", "results" }, "Option '--instrument' is required.")]
    // A mistyped verb or option is answered with the nearest one.
    [InlineData(new[] { "resuls" }, "Ukendt kommando eller argument »resuls«. Mente du results?")]
    [InlineData(new[] { "results", "--instrument", "vive-7", "--fromm", "2026-01-01" }, "»--fromm«. Mente du --from?")]
    [InlineData(new[] { "device", "list", "--culure", "en" }, "»--culure«. Mente du --culture?")]
    [InlineData(new[] { "results", "--instrument", "vive-7", "--formt", "json", "--culture", "en" }, "'--formt'. Did you mean --format?")]
    public async Task A_refusal_is_worded_in_danish_by_default(string[] args, string danish)
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await CliRunner.RunAsync([.. args, "--db", database.Value]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(danish, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--culture", "xx")]
    [InlineData("--culture=de", null)]
    public async Task A_language_the_command_line_does_not_speak_is_refused_before_anything_is_written(string option, string? value)
    {
        var folder = Directory.CreateTempSubdirectory("borgerpuls-language-").FullName;
        var file = Path.Combine(folder, "ny.db");
        string[] args = value is null ? ["migrate", option, "--db", file] : ["migrate", option, value, "--db", file];

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Ukendt sprog", result.Error, StringComparison.Ordinal);
        Assert.Contains("brug da eller en.", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Help_describes_the_verbs_and_options_in_danish_and_in_english_on_request()
    {
        var danish = await CliRunner.RunAsync("--help");
        var verb = await CliRunner.RunAsync("results", "--help");
        var english = await CliRunner.RunAsync("results", "--help", "--culture", "en");

        Assert.Equal(0, danish.ExitCode);
        Assert.Contains("Opret eller opgradér databasens skema", danish.Output, StringComparison.Ordinal);
        Assert.Contains("Sprog for meddelelser og uddata: da (standard) eller en.", danish.Output, StringComparison.Ordinal);
        Assert.Contains("Vis hjælp og brug", danish.Output, StringComparison.Ordinal);
        Assert.Contains("Første dato (hele dens måned kommer med). Skriv 2026-03-01 eller 1.3.2026.", verb.Output, StringComparison.Ordinal);
        Assert.Contains("First date (its whole month is included). Write 2026-03-01 or 1.3.2026.", english.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Første dato", english.Output, StringComparison.Ordinal);
        // The parser's own headings and markers, which it words only in English.
        foreach (var heading in new[] { "Beskrivelse:", "Brug:", "Tilvalg:", "Kommandoer:", "Borgerpuls [kommando] [tilvalg]", "[standard: da]" })
        {
            Assert.Contains(heading, danish.Output, StringComparison.Ordinal);
        }
        Assert.Contains("--instrument <instrument> (PÅKRÆVET)  Spørgeskemaets nøgle", verb.Output, StringComparison.Ordinal);
        foreach (var word in new[] { "Description:", "Usage:", "Options:", "Commands:", "[command]", "[options]", "(REQUIRED)", "[default:" })
        {
            Assert.DoesNotContain(word, danish.Output + verb.Output, StringComparison.Ordinal);
        }
        Assert.Contains("Usage:", english.Output, StringComparison.Ordinal);
        Assert.Contains("--instrument <instrument> (REQUIRED)", english.Output, StringComparison.Ordinal);
    }
}
