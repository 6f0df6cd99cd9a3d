using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Reports;

/// <summary>A database with known answers to two VIVE questions, in the spirit of seed 004's tables (hand-computed below),
/// plus comments and action items. Built once per test class; the tests only read it.</summary>
public sealed class ReportDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public const string Injection = "=HYPERLINK(\"http://evil.example\",\"klik\") brevet var svært at forstå";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await Database.AddDemoOrganisationAsync();
        // Job- og uddannelsesparate (jobparat), 100 respondents:
        //   samtale 93 × 5, 4 × 3, 3 × 1 → positive 93 %, negative 3 %; behandling 81 × 4, 12 × 3, 7 × 2 → 81 %, 7 %.
        //   Mean of questions: positive (93 + 81) / 2 = 87 %, negative (3 + 7) / 2 = 5 %.
        // Udsatte (aktivitetsparat), 50 respondents:
        //   samtale 40 × 5, 5 × 3, 5 × 1 → 80 %, 10 %; behandling 29 × 4, 11 × 3, 10 × 2 → 58 %, 20 %. Means 69 % / 15 %.
        // Total 150: samtale 133/150 = 88.7 % → 89, 8/150 = 5.3 % → 5; behandling 110/150 = 73.3 % → 73, 17/150 = 11.3 % → 11.
        //   Means: (88.67 + 73.33) / 2 = 81 %, (5.33 + 11.33) / 2 = 8.3 % → 8.
        await WriteAsync(Database, Group("jobparat", Codes((93, "5"), (4, "3"), (3, "1")), Codes((81, "4"), (12, "3"), (7, "2")))
            .Concat(Group("aktivitetsparat", Codes((40, "5"), (5, "3"), (5, "1")), Codes((29, "4"), (11, "3"), (10, "2")))));
        // All answers came by tablet; 150 udsatte declined the tablet. Response rates: jobparat 100/100 = 100 %, udsatte
        // 50/(50 + 150) = 25 % (low, below a third), total 150/300 = 50 %. The two sets differ strongly from each other.
        await Declines.AddAsync(Database, "vive-7", "aktivitetsparat", 150);

        await using var db = Database.Open();
        var responses = await db.Responses.AsNoTracking().OrderBy(r => r.Id).Take(3).ToListAsync();
        string[] texts = [Injection, "Jeg fik et brev, jeg ikke forstod", "Min sagsbehandler lyttede og var venlig"];
        foreach (var (response, text) in responses.Zip(texts))
        {
            db.Comments.Add(new Comment
            {
                ResponseId = response.Id, InstrumentId = response.InstrumentId, QuestionKey = "kommentar", Text = text, SubmittedHour = response.SubmittedHour,
                Channel = response.Channel, JobCentreId = response.JobCentreId, SiteId = response.SiteId, TargetGroupId = response.TargetGroupId,
            });
        }
        db.Actions.Add(new ActionItem
        {
            Title = "Fast procedure ved sagsbehandlerskift", InstrumentKey = "vive-7", QuestionKeys = ["behandling", "fremdrift"], Owner = "Jobcenterchef",
            Deadline = new DateOnly(2025, 12, 31), Status = ActionStatus.InProgress, ExpectedEffect = "Færre negative svar om behandling",
        });
        db.Actions.Add(new ActionItem { Title = "Læsevenlige breve", InstrumentKey = "vive-7", Status = ActionStatus.Done });
        db.Actions.Add(new ActionItem { Title = "Noget om et andet spørgeskema", InstrumentKey = "smiley", Status = ActionStatus.Planned });
        await db.SaveChangesAsync();
        // The comments went in beside the write path that classifies them; the rebuild derives their themes and theme cells.
        await Borgerpuls.Data.Aggregates.AggregateRebuild.RunAsync(Database.Factory, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public static IEnumerable<string> Codes(params (int Count, string Code)[] parts) => parts.SelectMany(p => Enumerable.Repeat(p.Code, p.Count));

    public static IEnumerable<Spec> Group(string targetGroup, IEnumerable<string> samtale, IEnumerable<string> behandling) =>
        samtale.Zip(behandling, (s, b) => new Spec("vive-7", new() { ["samtale"] = s, ["behandling"] = b }) { TargetGroup = targetGroup });
}
