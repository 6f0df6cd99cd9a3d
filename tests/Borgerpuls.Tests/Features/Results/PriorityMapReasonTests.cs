using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

/// <summary>When the priority map cannot place anything it says why, and the right why: the smiley instrument (its one scale
/// question is the overall one) has nothing to place however many answered; VIVE-7 (no overall question: each question
/// against the mean of the others) with 12 respondents has questions but too few answers behind them.</summary>
public sealed class PriorityMapReasonTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        var press = new Spec("smiley", new() { ["besoeg"] = "4" }) { Channel = Channel.Kiosk };
        var vive = new Spec("vive-7", new() { ["samtale"] = "4", ["behandling"] = "5", ["spoerge"] = "3" }) { TargetGroup = "jobparat" };
        await WriteAsync(_database, Repeat(60, press).Concat(Repeat(12, vive)));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("smiley", 60, "tooFewQuestions", "needs an overall question and at least one more scale question")]
    [InlineData("vive-7", 12, "tooFewAnswers", "No question has 30 citizens who answered both it and what it is held against")]
    public async Task The_command_line_gives_the_reason_with_the_empty_map(string instrument, int respondents, string reason, string explained)
    {
        var result = await CliRunner.RunAsync("--culture", "en", "priority-map", "--instrument", instrument, "--db", _database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(respondents, json.RootElement.GetProperty("respondents").GetInt32());
        Assert.Equal(reason, json.RootElement.GetProperty("unavailable").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("questions").EnumerateArray(), q => q.GetProperty("quadrant").ValueKind == JsonValueKind.String);
        Assert.Contains(explained, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_says_in_Danish_what_the_questionnaire_lacks_instead_of_too_few_answers()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-map-").FullName, "smiley.html");
        var result = await CliRunner.RunAsync("report", "--instrument", "smiley", "--from", "2000-01-01", "--out", file, "--db", _database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("Prioriteringskortet kræver et samlet spørgsmål og mindst ét spørgsmål mere på en skala", html, StringComparison.Ordinal);
        Assert.DoesNotContain("færre end 30", html, StringComparison.Ordinal);
    }
}
