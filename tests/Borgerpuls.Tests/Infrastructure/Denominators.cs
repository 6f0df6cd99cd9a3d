using Borgerpuls.Data.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>The stored denominator cells as comparable text, for "rebuild = incremental" checks.</summary>
public static class Denominators
{
    public static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var cells = await db.DenominatorCells.AsNoTracking().ToListAsync();
        return cells.Select(c => $"{c.InstrumentId}/{c.Month}/{c.JobCentreId}/{c.SiteId}/{c.UnitId}/{c.TargetGroupId}/{c.Channel}/{c.Referral}: {c.Offered} {c.Declined} {c.Used}")
            .Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<List<string>> RebuiltAsync(TestDatabase database)
    {
        await AggregateRebuild.RunAsync(database.Factory, CancellationToken.None);
        return await SnapshotAsync(database);
    }
}
