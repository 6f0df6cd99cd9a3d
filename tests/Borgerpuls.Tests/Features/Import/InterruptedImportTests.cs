using Borgerpuls.Data.Aggregates;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Import;

/// <summary>An import writes its aggregates in its last transaction; one that died before it left a marker, and the next start
/// rebuilds the aggregates from the responses.</summary>
public sealed class InterruptedImportTests
{
    [Fact]
    public async Task A_marker_left_by_an_interrupted_import_makes_the_next_start_rebuild_the_aggregates()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "40", "--db", database.Value);
        await using (var db = database.Open())
        {
            // As if the batches were committed and the process died before the aggregates were written.
            await db.AggregateOptions.ExecuteDeleteAsync();
            await db.AggregatePairs.ExecuteDeleteAsync();
            await db.AggregateCells.ExecuteDeleteAsync();
            db.Set<AggregateDeferral>().Add(new AggregateDeferral { Source = "import vive.csv → vive-7", StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var app = new BorgerpulsApp(database);
        _ = app.CreateClient();

        await using var check = database.Open();
        Assert.Empty(await check.Set<AggregateDeferral>().ToListAsync());
        var responses = await check.Responses.CountAsync();
        Assert.Equal(40, responses);
        Assert.Equal(responses, await check.AggregateCells.Where(c => c.Cube == Cube.Main).SumAsync(c => c.Respondents));
    }
}
