using System.Globalization;
using System.Text;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.Data;

/// <summary>A running server's aggregates in memory after another process wrote: it reads only the cells that changed, not
/// everything again; after a rebuild (cells may have gone) it loads in full. Either way its figures equal the raw rows.</summary>
public sealed class AggregateStoreRefreshTests
{
    [Fact]
    public async Task Another_process_import_is_read_as_the_changed_cells_and_a_rebuild_as_a_full_load()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("demo-data", "--responses", "3000", "--db", database.Value)).ExitCode);
        var store = new AggregateStore(database.Factory);
        await store.EnsureCurrentAsync(CancellationToken.None);
        int allCells;
        await using (var db = database.Open())
        {
            allCells = await db.AggregateCells.CountAsync();
        }
        Assert.Equal((1, 0, (long)allCells), store.Statistics);

        var import = await CliRunner.RunAsync("--db", database.Value, "import", ImportFile(), "--instrument", "vive-7");
        Assert.True(import.ExitCode == 0, import.Error);
        await store.EnsureCurrentAsync(CancellationToken.None);
        var (loads, refreshes, read) = store.Statistics;
        Assert.Equal(1, loads);
        Assert.Equal(1, refreshes);
        // Twelve responses of one job centre and one day: a handful of cells per cube, against hundreds held.
        Assert.InRange(read - allCells, 1, 12);
        Assert.True(allCells > 100, $"only {allCells} cells");
        await AssertStoreEqualsRawRowsAsync(database, store);

        var rebuild = await CliRunner.RunAsync("aggregates", "rebuild", "--db", database.Value);
        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        await store.EnsureCurrentAsync(CancellationToken.None);
        Assert.Equal(2, store.Statistics.Loads);
        await AssertStoreEqualsRawRowsAsync(database, store);
    }

    /// <summary>A command-line verb reads one instrument: only that instrument's cells are read. Taking up a second one after
    /// another process wrote to both gives figures equal to the raw rows for both (one snapshot, one generation).</summary>
    [Fact]
    public async Task Reading_one_instrument_reads_only_its_cells_and_a_second_one_joins_at_the_same_generation()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("demo-data", "--responses", "3000", "--db", database.Value)).ExitCode);
        int vive, smiley, vivesCells, allCells;
        await using (var db = database.Open())
        {
            vive = await db.Instruments.Where(i => i.Key == "vive-7").Select(i => i.Id).SingleAsync();
            smiley = await db.Instruments.Where(i => i.Key == "smiley").Select(i => i.Id).SingleAsync();
            vivesCells = await db.AggregateCells.CountAsync(c => c.InstrumentId == vive);
            allCells = await db.AggregateCells.CountAsync();
        }
        Assert.True(vivesCells > 0 && vivesCells < allCells, $"{vivesCells} of {allCells}");
        var store = new AggregateStore(database.Factory);
        var held = await store.ReadAsync(vive, cells => cells.Cells.Count, CancellationToken.None);
        Assert.Equal(vivesCells, held);
        Assert.Equal((1, 0, (long)vivesCells), store.Statistics);
        Assert.Equal(await CellsAsync(database, smiley), await store.ReadAsync(smiley, cells => cells.Cells.Count, CancellationToken.None));

        var import = await CliRunner.RunAsync("--db", database.Value, "import", ImportFile(), "--instrument", "vive-7");
        Assert.True(import.ExitCode == 0, import.Error);
        await AssertStoreEqualsRawRowsAsync(database, store);
        await store.EnsureCurrentAsync(CancellationToken.None);
        await AssertStoreEqualsRawRowsAsync(database, store);
    }

    /// <summary>A writer in the same process that holds no store (a bulk load, a test's helper) tells nobody: its commits bump
    /// the generation counters, and the app's stores read the changed cells and the denominators at their next read.</summary>
    [Fact]
    public async Task A_writer_without_a_store_is_caught_up_on_by_the_app()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        app.CreateClient().Dispose();
        var stores = app.Services.GetRequiredService<BorgerpulsDbFactory>().Aggregates;
        int instrument, centre, site;
        await using (var db = database.Open())
        {
            instrument = await db.Instruments.Where(i => i.Key == "vive-7").Select(i => i.Id).SingleAsync();
            centre = await db.JobCentres.Where(c => c.Key == "jc-centrum").Select(c => c.Id).SingleAsync();
            site = await db.Sites.Where(s => s.Key == "sjaellandsgade").Select(s => s.Id).SingleAsync();
        }
        await stores.Cells.EnsureCurrentAsync(CancellationToken.None);
        Assert.Empty(await stores.Denominators.ReadAsync(instrument, _ => true, CancellationToken.None));

        var answers = new Dictionary<string, string> { ["samtale"] = "5" };
        await Responses.WriteAsync(database, Responses.Repeat(3, new Responses.Spec("vive-7", answers)));
        var key = new DenominatorKey(instrument, CellKey.MonthOf(DateTime.UtcNow), centre, site, 0, 0, "Tablet", "");
        var delta = new DenominatorDelta();
        delta.Add(key, new DenominatorCounts(0, 4, 0));
        await using (var db = database.Open())
        {
            await DenominatorTransaction.SaveChangesAsync(db, null, delta, CancellationToken.None);
        }

        await AssertStoreEqualsRawRowsAsync(database, stores.Cells);
        var denominators = await stores.Denominators.ReadAsync(instrument, _ => true, CancellationToken.None);
        Assert.Equal(new DenominatorCounts(0, 4, 0), Assert.Single(denominators, d => d.Key == key).Value);
    }

    private static async Task<int> CellsAsync(TestDatabase database, int instrument)
    {
        await using var db = database.Open();
        return await db.AggregateCells.CountAsync(c => c.InstrumentId == instrument);
    }

    /// <summary>Respondents per instrument, job centre and month as the store sums its main cube, against the stored responses.</summary>
    private static async Task AssertStoreEqualsRawRowsAsync(TestDatabase database, AggregateStore store)
    {
        await using var db = database.Open();
        var rows = await db.Responses.AsNoTracking().Select(r => new { r.InstrumentId, r.JobCentreId, r.SubmittedHour }).ToListAsync();
        var expected = rows.GroupBy(r => (r.InstrumentId, r.JobCentreId, Month: CellKey.MonthOf(r.SubmittedHour)))
            .ToDictionary(g => g.Key, g => (long)g.Count()).OrderBy(kv => kv.Key).ToList();
        var held = new Dictionary<(int, int, int), long>();
        foreach (var instrument in rows.Select(r => r.InstrumentId).Distinct())
        {
            var sums = await store.ReadAsync(instrument, cells => cells.Cells.Values.Where(c => c.Key.Cube == Cube.Main)
                .GroupBy(c => (c.Key.InstrumentId, c.Key.JobCentreId, c.Key.Month)).ToDictionary(g => g.Key, g => g.Sum(c => c.Respondents)), CancellationToken.None);
            foreach (var (key, n) in sums.Where(kv => kv.Value != 0)) held[key] = n;
        }
        Assert.Equal(expected, held.OrderBy(kv => kv.Key).ToList());
    }

    private static string ImportFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-refresh-").FullName, "vive.csv");
        var day = DateTime.UtcNow.Date.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder("respondent_id;submitted_at;jobcenter;samtale;behandling;spoerge\n");
        for (var i = 0; i < 12; i++) text.Append(CultureInfo.InvariantCulture, $"r{i};{day};jc-nord;{1 + i % 5};{1 + i % 3};{1 + i % 4}\n");
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
