using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Results;

public sealed class AggregateTests
{
    private static async Task<List<string>> DumpAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var cells = await db.AggregateCells.AsNoTracking().ToListAsync();
        var keyOf = cells.ToDictionary(c => c.Id, c => $"{c.Cube}|{c.InstrumentId}|{c.Month}|{c.JobCentreId}|{c.SiteId}|{c.UnitId}|{c.OfferId}|{c.TargetGroupId}|{c.Channel}|{c.MeetingType}|{c.Language}|{c.Repeat}|{c.Clock}|{c.BackgroundKey}|{c.BackgroundCode}");
        var rows = cells.Select(c => $"cell {keyOf[c.Id]} {c.Respondents}").ToList();
        rows.AddRange((await db.AggregateOptions.AsNoTracking().ToListAsync()).Select(o => $"option {keyOf[o.CellId]} {o.QuestionKey} {o.OptionCode} {o.Count}"));
        rows.AddRange((await db.AggregatePairs.AsNoTracking().ToListAsync()).Select(p => $"pair {keyOf[p.CellId]} {p.QuestionKey} {p.N} {p.SumX:R} {p.SumY:R} {p.SumXX:R} {p.SumYY:R} {p.SumXY:R}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task Rebuilding_from_responses_gives_exactly_the_incrementally_maintained_aggregates()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "3000", "--db", database.Value);
        await Responses.WriteAsync(database, Responses.Repeat(25, new Responses.Spec("brugerundersoegelse-15", new() { ["samlet"] = "4", ["styrker"] = "2", ["breve"] = "5" }) { TargetGroup = "jobafklaring" }));
        await Responses.WriteAsync(database, Responses.Repeat(7, new Responses.Spec("brugerundersoegelse-15", new() { ["samlet"] = "2" })
            { Background = new() { ["sagsbehandlerskift"] = "ja", ["alder"] = "30-49" } }));
        await Responses.WriteAsync(database, Responses.Repeat(4, new Responses.Spec("brugerundersoegelse-15", new() { ["samlet"] = "5" })
            { Background = new() { ["sagsbehandlerskift"] = "nej" } }));
        var incremental = await DumpAsync(database);

        var rebuild = await CliRunner.RunAsync("--culture", "en", "aggregates", "rebuild", "--db", database.Value);

        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        Assert.Contains("from 3,036 responses", rebuild.Output);
        var rebuilt = await DumpAsync(database);
        Assert.True(incremental.Count > 1000);
        // The background cube: one cell per response per variable it carries.
        Assert.Equal(3, incremental.Count(r => r.StartsWith("cell Background|", StringComparison.Ordinal)));
        Assert.Contains(incremental, r => r.StartsWith("cell Background|", StringComparison.Ordinal) && r.EndsWith("|sagsbehandlerskift|ja 7", StringComparison.Ordinal));
        Assert.Equal(incremental, rebuilt);
    }

    [Fact]
    public async Task Results_served_while_another_process_writes_are_current()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var db = database.Open();
        var before = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("vive-7"), Viewer.CommandLine, 5, CancellationToken.None);

        // Another process (the CLI) writes; this process's in-memory aggregates must notice through the generation counter.
        await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "2000", "--db", database.Value);
        var after = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("vive-7"), Viewer.CommandLine, 5, CancellationToken.None);

        Assert.True(before.Groups.Single().Suppressed);
        Assert.True(after.Groups.Single().Respondents > 100);
        var vive = await db.Instruments.Where(i => i.Key == "vive-7").Select(i => i.Id).SingleAsync();
        Assert.Equal(await db.Responses.CountAsync(r => r.InstrumentId == vive), after.Groups.Single().Respondents);
    }
}
