using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Cli;

/// <summary>Dates on the command line as a Danish analyst writes them: ISO or day.month.year; an ambiguous form is refused
/// with what to write, never read as a US date or answered with a .NET type name.</summary>
public sealed class DateOptionTests
{
    [Fact]
    public async Task Iso_and_danish_dates_give_the_same_figures_and_an_ambiguous_date_is_refused_in_words()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "2000", "--db", database.Value)).ExitCode);

        var iso = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "results", "--instrument", "smiley", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json");
        var danish = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "smiley", "--from", "1.3.2026", "--to", "31.3.2026", "--format", "json", "--db", database.Value);
        Assert.True(iso.ExitCode == 0, iso.Error);
        Assert.Equal(iso.Output, danish.Output);
        Assert.Contains("2026-03-01", iso.Output, StringComparison.Ordinal);

        var ambiguous = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "smiley", "--from", "01-03-2026", "--db", database.Value);
        Assert.NotEqual(0, ambiguous.ExitCode);
        Assert.Contains("--from '01-03-2026' is not a date", ambiguous.Error, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 (year-month-day) or 1.3.2026 (day.month.year)", ambiguous.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ambiguous.Error + ambiguous.Output, StringComparison.Ordinal);

        var report = await CliRunner.RunAsync("--culture", "en", "report", "--instrument", "vive-7", "--to", "31-12-2025", "--out", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx"), "--db", database.Value);
        Assert.NotEqual(0, report.ExitCode);
        Assert.Contains("--to '31-12-2025' is not a date", report.Error, StringComparison.Ordinal);
    }
}
