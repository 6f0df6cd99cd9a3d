using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Reports;

public sealed class ReportActionEffectTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        // behandling: January 2025 10 × "Dårligt" (0 % positive), April 2025 12 × "Godt" (100 %); samtale answered only in January.
        var january = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc);
        var april = new DateTime(2025, 4, 15, 10, 0, 0, DateTimeKind.Utc);
        await WriteAsync(_database, Repeat(10, new Spec("vive-7", new() { ["behandling"] = "2", ["samtale"] = "5" }) { TargetGroup = "jobparat", Hour = january })
            .Concat(Repeat(12, new Spec("vive-7", new() { ["behandling"] = "4" }) { TargetGroup = "jobparat", Hour = april })));
        await using var db = _database.Open();
        db.Actions.Add(new ActionItem
        {
            Title = "Bedre modtagelse", InstrumentKey = "vive-7", QuestionKeys = ["behandling", "samtale"], StartsOn = new DateOnly(2025, 4, 1), Status = ActionStatus.Done,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_action_shows_its_questions_before_and_after_it_started_with_significance()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-report-").FullName, "r.docx");

        var result = await CliRunner.RunAsync("report", "--instrument", "vive-7", "--from", "2025-01-01", "--out", file, "--db", _database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = WordprocessingDocument.Open(file, false);
        var actions = WordTable(document, "Handlinger, ansvarlige, frister og de spørgsmål, de skal flytte");
        // 0 of 10 → 12 of 12 is significant (Fisher's exact test); samtale has no answers after the start, so it is below k there.
        Assert.Equal("spm. 2: 0 → 100 pct. ▲; spm. 1: færre end 5 svar", Cell(actions, "Bedre modtagelse", "Før → efter start"));
    }
}
