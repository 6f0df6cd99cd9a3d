using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Retention;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Data;

/// <summary>Aggregate maintenance under writers that overlap, from several processes, as a municipality runs it: a server
/// ingesting kiosk presses, an import from the command line, rebuilds from the command line and retention, all at once.
/// Afterwards every figure equals a count made here from the raw rows, and no aggregate row is orphaned.</summary>
public sealed class AggregateConcurrencyTests
{
    private const int ImportRows = 8_000;

    [Fact]
    public async Task Overlapping_ingest_import_rebuilds_and_retention_leave_every_figure_equal_to_the_raw_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        // Two years of demo responses: retention at twelve months has old ones to delete.
        Assert.Equal(0, (await CliRunner.RunAsync("demo-data", "--responses", "2000", "--db", database.Value)).ExitCode);
        var add = await CliRunner.RunAsync("device", "add", "--site", "sjaellandsgade", "--instrument", "smiley", "--name", "Udgang", "--db", database.Value);
        Assert.True(add.ExitCode == 0, add.Error);
        var key = add.Output.Trim().Split('\n')[^1].Trim();
        var day = DateTime.UtcNow.Date.AddDays(-3);
        var file = ImportFile(day);
        int importedBefore;
        await using (var before = database.Open())
        {
            importedBefore = await ImportedOnAsync(before, day);
        }

        var acknowledged = new ConcurrentDictionary<Guid, byte>();
        var rebuilds = new ConcurrentBag<CliResult>();
        var retention = new List<RetentionResult>();
        CliResult import;
        int duringMaintenance;
        using (var server = await ServerProcess.StartAsync(database.Value))
        {
            using var http = server.Client(key, 4);
            using var stop = new CancellationTokenSource();
            var kiosks = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = Guid.NewGuid();
                    // While a rebuild or the import holds the database a press may be refused or time out; the kiosk keeps
                    // it and sends it again. Only what was acknowledged must be stored.
                    try
                    {
                        using var response = await http.PostAsync("/api/v1/responses", new StringContent(Press(id), Encoding.UTF8, "application/json"));
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) acknowledged[id] = 0;
                        else await Task.Delay(200);
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            })).ToList();
            var importing = CliRunner.RunAsync("import", file, "--instrument", "vive-7", "--db", database.Value);
            // Two rebuilders racing each other and the import, from their own processes, twice each while it runs.
            var rebuilders = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < 2 && (i == 0 || !importing.IsCompleted); i++)
                {
                    rebuilds.Add(await CliRunner.RunAsync("aggregates", "rebuild", "--db", database.Value));
                }
            })).ToList();
            for (var i = 0; i < 3 && !importing.IsCompleted; i++)
            {
                retention.Add(await RetentionRun.RunAsync(database.Factory, new RetentionOptions { ResponsesMonths = 12 }, DateTime.UtcNow, CancellationToken.None));
                await Task.Delay(500);
            }
            import = await importing;
            await Task.WhenAll(rebuilders);
            duringMaintenance = acknowledged.Count;
            // How many presses get through while rebuilds hold the lock depends on the machine; after maintenance the kiosks
            // go on until twenty more are acknowledged, so the store's catch-up after the rebuilds is exercised as well.
            var tail = DateTime.UtcNow.AddSeconds(90);
            while (acknowledged.Count < duringMaintenance + 20 && DateTime.UtcNow < tail) await Task.Delay(100);
            await stop.CancelAsync();
            await Task.WhenAll(kiosks);
        }

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.All(rebuilds, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.True(rebuilds.Count >= 2, "the rebuilds did not overlap the import");
        Assert.True(retention.Sum(r => r.Responses) > 0, "retention deleted nothing");
        Assert.True(duringMaintenance > 0, "no press was acknowledged while maintenance ran");
        Assert.True(acknowledged.Count >= duringMaintenance + 20, $"only {acknowledged.Count - duringMaintenance} presses acknowledged after maintenance");

        await using var db = database.Open();
        Assert.Equal(importedBefore + ImportRows, await ImportedOnAsync(db, day));
        var stored = 0;
        foreach (var chunk in acknowledged.Keys.Chunk(500)) stored += await db.Responses.CountAsync(r => chunk.Contains(r.Id));
        Assert.Equal(acknowledged.Count, stored);
        Assert.Empty(await db.Set<AggregateDeferral>().ToListAsync());
        await AssertFiguresEqualRawRowsAsync(db);
    }

    /// <summary>Respondents per instrument, centre and month, and every option's count, summed from the main cube, against
    /// the same counted here from the stored responses; and no option or pair row without its cell.</summary>
    internal static async Task AssertFiguresEqualRawRowsAsync(Borgerpuls.Data.BorgerpulsDb db)
    {
        var rows = await db.Responses.AsNoTracking().Select(r => new { r.InstrumentId, r.JobCentreId, r.SubmittedHour, r.Answers }).ToListAsync();
        var respondents = rows.GroupBy(r => (r.InstrumentId, r.JobCentreId, Month: r.SubmittedHour.Year * 100 + r.SubmittedHour.Month))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var options = rows.SelectMany(r => r.Answers.SelectMany(a => a.Value.Select(code => (r.InstrumentId, Question: a.Key, Code: code))))
            .GroupBy(o => o).ToDictionary(g => g.Key, g => (long)g.Count());

        var cells = await db.AggregateCells.Where(c => c.Cube == Cube.Main)
            .GroupBy(c => new { c.InstrumentId, c.JobCentreId, c.Month })
            .Select(g => new { g.Key.InstrumentId, g.Key.JobCentreId, g.Key.Month, N = g.Sum(c => c.Respondents) }).ToListAsync();
        var stored = cells.Where(c => c.N != 0).ToDictionary(c => (c.InstrumentId, c.JobCentreId, c.Month), c => c.N);
        Assert.Equal(respondents.OrderBy(kv => kv.Key), stored.OrderBy(kv => kv.Key));

        var storedOptions = await (from o in db.AggregateOptions
                                   join c in db.AggregateCells on o.CellId equals c.Id
                                   where c.Cube == Cube.Main
                                   group o by new { c.InstrumentId, o.QuestionKey, o.OptionCode } into g
                                   select new { g.Key.InstrumentId, g.Key.QuestionKey, g.Key.OptionCode, N = g.Sum(o => o.Count) }).ToListAsync();
        Assert.Equal(options.OrderBy(kv => kv.Key),
            storedOptions.Where(o => o.N != 0).ToDictionary(o => (o.InstrumentId, o.QuestionKey, o.OptionCode), o => o.N).OrderBy(kv => kv.Key));

        Assert.Equal(0, await db.AggregateOptions.CountAsync(o => !db.AggregateCells.Any(c => c.Id == o.CellId)));
        Assert.Equal(0, await db.AggregatePairs.CountAsync(p => !db.AggregateCells.Any(c => c.Id == p.CellId)));
    }

    private static Task<int> ImportedOnAsync(Borgerpuls.Data.BorgerpulsDb db, DateTime day) =>
        db.Responses.CountAsync(r => r.Channel == Channel.Import && r.SubmittedHour >= day && r.SubmittedHour < day.AddDays(1));

    private static string ImportFile(DateTime date)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-overlap-").FullName, "vive.csv");
        var text = new StringBuilder("respondent_id;submitted_at;jobcenter;samtale;behandling;spoerge\n");
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < ImportRows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"o{i};{day};{(i % 2 == 0 ? "jc-nord" : "jc-centrum")};{1 + i % 5};{1 + i * 7 % 5};{1 + i * 3 % 4}\n");
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Press(Guid id) =>
        $$$"""{"id":"{{{id}}}","instrument":"smiley","answeredAt":"{{{DateTimeOffset.UtcNow.AddMinutes(-5):O}}}","answers":{"besoeg":"{{{1 + Random.Shared.Next(4)}}}"}}""";
}
