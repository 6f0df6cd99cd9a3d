using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Retention;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Retention;

public sealed class RetentionTests
{
    [Fact]
    public async Task Old_responses_comments_and_audit_entries_are_deleted_and_figures_follow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var spec = new Spec("vive-7", new() { ["samtale"] = "5" }) { TargetGroup = "jobparat" };
        await WriteAsync(database, Repeat(7, spec with { Hour = now.AddMonths(-30) }).Concat(Repeat(9, spec with { Hour = now.AddMonths(-2) })));
        await using (var db = database.Open())
        {
            db.AuditEntries.Add(new AuditEntry { At = now.AddMonths(-70), Actor = "x", Action = "old" });
            await db.SaveChangesAsync();
        }

        var result = await RetentionRun.RunAsync(database.Factory, new RetentionOptions { ResponsesMonths = 24, AuditMonths = 60 }, now, CancellationToken.None);

        Assert.Equal(7, result.Responses);
        Assert.Equal(1, result.AuditEntries);
        await using var check = database.Open();
        Assert.Equal(9, await check.Responses.CountAsync());
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "old"));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "retention.delete"));
        var report = await ResultsQuery.RunAsync(check, database.Factory, new ResultsRequest("vive-7"), Viewer.CommandLine, 5, CancellationToken.None);
        Assert.Equal(9, report.Groups.Single().Respondents);
    }

    [Fact]
    public async Task Counted_rows_expire_in_whole_months_so_later_runs_in_the_month_rebuild_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var spec = new Spec("vive-7", new() { ["samtale"] = "5" }) { TargetGroup = "jobparat", Comment = "Fin samtale" };
        // 24 months and ten days before the second run; 23 months and 25 days before the first.
        await WriteAsync(database, Repeat(4, spec with { Hour = new DateTime(2024, 11, 10, 9, 0, 0, DateTimeKind.Utc) })
            .Concat(Repeat(6, spec with { Hour = new DateTime(2025, 6, 3, 9, 0, 0, DateTimeKind.Utc) })));
        var options = new RetentionOptions { CommentsMonths = 24, ResponsesMonths = 24 };

        var midMonth = await RetentionRun.RunAsync(database.Factory, options, new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        var rebuildsAfterMidMonth = await RebuildsAsync(database);
        var nextMonth = await RetentionRun.RunAsync(database.Factory, options, new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        var again = await RetentionRun.RunAsync(database.Factory, options, new DateTime(2026, 12, 19, 3, 0, 0, DateTimeKind.Utc), CancellationToken.None);

        // November 2024 is older than 24 months only once December 2026 has begun.
        Assert.Equal(new RetentionResult(0, 0, 0, 0), midMonth);
        Assert.Equal(0, rebuildsAfterMidMonth);
        Assert.Equal(4, nextMonth.Responses);
        Assert.Equal(4, nextMonth.Comments);
        Assert.Equal(new RetentionResult(0, 0, 0, 0), again);
        Assert.Equal(1, await RebuildsAsync(database));
        await using var check = database.Open();
        Assert.Equal(6, await check.Responses.CountAsync());
        Assert.Equal(6, await check.Comments.CountAsync());
    }

    private static async Task<long> RebuildsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.AggregateState.Where(s => s.Id == Borgerpuls.Data.Aggregates.AggregateRebuild.StateId).Select(s => s.Generation).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task A_campaigns_data_is_deleted_on_request_and_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "2000", "--db", database.Value);
        await using var db = database.Open();
        var smiley = await db.Campaigns.Where(c => c.Key == "smiley-loebende").Select(c => c.Id).SingleAsync();
        var before = await db.Responses.CountAsync(r => r.CampaignId == smiley);
        Assert.True(before > 0);

        var refused = await CliRunner.RunAsync("campaign", "delete-data", "smiley-loebende", "--db", database.Value);
        var deleted = await CliRunner.RunAsync("campaign", "delete-data", "smiley-loebende", "--yes", "--db", database.Value);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.Equal(0, await db.Responses.CountAsync(r => r.CampaignId == smiley));
        Assert.Equal(2000 - before, await db.Responses.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "campaign.delete-data"));
        var report = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("smiley"), Viewer.CommandLine, 5, CancellationToken.None);
        Assert.True(report.Groups.Single().Suppressed);
        Assert.Equal(0, report.LeftOutKioskRepeats);
    }

    [Fact]
    public async Task Old_rows_behind_the_response_rate_are_deleted_like_responses_and_the_rate_follows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = database.Open())
        {
            var instrument = await db.Instruments.Where(i => i.Key == "borgeroplevelse-5").Select(i => i.Id).SingleAsync();
            var centre = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync();
            foreach (var monthsAgo in new[] { 30, 2 })
            {
                var at = now.AddMonths(-monthsAgo);
                var day = DateOnly.FromDateTime(at);
                db.DeclinedHandOvers.Add(new DeclinedHandOver { Id = Guid.NewGuid(), InstrumentId = instrument, JobCentreId = centre, Hour = at });
                db.PaperDistributions.Add(new PaperDistribution { InstrumentId = instrument, JobCentreId = centre, Month = new DateOnly(day.Year, day.Month, 1), Count = 40, RecordedAt = at });
                db.Invitations.Add(new Invitation { TokenHash = Guid.NewGuid().ToString("N"), InstrumentId = instrument, JobCentreId = centre, MeetingDate = day, ExpiresOn = day.AddDays(14) });
            }
            await db.SaveChangesAsync();
        }
        Assert.Equal(6, (await Denominators.RebuiltAsync(database)).Count);

        var result = await RetentionRun.RunAsync(database.Factory, new RetentionOptions { ResponsesMonths = 24 }, now, CancellationToken.None);

        Assert.Equal(3, result.Denominators);
        await using var check = database.Open();
        Assert.Equal(1, await check.DeclinedHandOvers.CountAsync());
        Assert.Equal(1, await check.PaperDistributions.CountAsync());
        Assert.Equal(1, await check.Invitations.CountAsync());
        // The aggregates were rebuilt: only the recent month's three denominator cells are left.
        var left = await Denominators.SnapshotAsync(database);
        Assert.Equal(3, left.Count);
        Assert.All(left, cell => Assert.Contains("/202609/", cell, StringComparison.Ordinal));
    }
}
