using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Retention;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.ScaleOut;

/// <summary>Start-up repair and the daily retention run, started by two instances at the same moment: the work is done once
/// (one rebuild, one audit entry) and every figure equals a count of the stored rows.</summary>
public sealed class MaintenanceOnceTests
{
    [Fact]
    public async Task Two_instances_starting_after_an_interrupted_import_rebuild_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "40", "--db", database.Value);
        long rebuildsBefore;
        await using (var db = database.Open())
        {
            // As if an import's batches were committed and its process died before the aggregates were written.
            await db.AggregateOptions.ExecuteDeleteAsync();
            await db.AggregatePairs.ExecuteDeleteAsync();
            await db.AggregateCells.ExecuteDeleteAsync();
            db.Set<AggregateDeferral>().Add(new AggregateDeferral { Source = "import vive.csv → vive-7", StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            rebuildsBefore = await RebuildsAsync(db);
        }

        await using var a = new BorgerpulsApp(database);
        await using var b = new BorgerpulsApp(database);
        // Both run their start-up (repair included) at the same moment.
        await Task.WhenAll(Task.Run(() => a.CreateClient()), Task.Run(() => b.CreateClient()));

        await using var check = database.Open();
        Assert.Empty(await check.Set<AggregateDeferral>().ToListAsync());
        Assert.Equal(rebuildsBefore + 1, await RebuildsAsync(check));
        Assert.Equal(40, await check.AggregateCells.Where(c => c.Cube == Cube.Main).SumAsync(c => c.Respondents));
    }

    /// <summary>7 responses 30 months old and 9 two months old; keeping 24 months deletes the 7, leaving 9 in the figures.
    /// One audit entry 70 months old goes with a 60-month audit rule. Two runs at once: 7 + 0 responses, 1 + 0 audit
    /// entries, one rebuild, one <c>retention.delete</c> entry.</summary>
    [Fact]
    public async Task Two_retention_runs_at_once_delete_rebuild_and_audit_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var spec = new Spec("vive-7", new() { ["samtale"] = "5" }) { TargetGroup = "jobparat" };
        await WriteAsync(database, Repeat(7, spec with { Hour = now.AddMonths(-30) }).Concat(Repeat(9, spec with { Hour = now.AddMonths(-2) })));
        long rebuildsBefore;
        await using (var db = database.Open())
        {
            db.AuditEntries.Add(new AuditEntry { At = now.AddMonths(-70), Actor = "x", Action = "old" });
            await db.SaveChangesAsync();
            rebuildsBefore = await RebuildsAsync(db);
        }
        var options = new RetentionOptions { ResponsesMonths = 24, AuditMonths = 60 };

        var results = await Task.WhenAll(
            Task.Run(() => RetentionRun.RunAsync(database.Factory, options, now, CancellationToken.None)),
            Task.Run(() => RetentionRun.RunAsync(database.Factory, options, now, CancellationToken.None)));

        Assert.Equal(7, results.Sum(r => r.Responses));
        Assert.Equal(1, results.Sum(r => r.AuditEntries));
        Assert.Single(results, r => r.Responses + r.AuditEntries == 0);
        await using var check = database.Open();
        Assert.Equal(9, await check.Responses.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == "retention.delete"));
        Assert.Equal(rebuildsBefore + 1, await RebuildsAsync(check));
        var report = await ResultsQuery.RunAsync(check, database.Factory, new ResultsRequest("vive-7"), Viewer.CommandLine, 5, CancellationToken.None);
        Assert.Equal(9, report.Groups.Single().Respondents);
    }

    private static async Task<long> RebuildsAsync(Borgerpuls.Data.BorgerpulsDb db) =>
        await db.AggregateState.Where(s => s.Id == AggregateRebuild.StateId).Select(s => s.Generation).SingleOrDefaultAsync();
}
