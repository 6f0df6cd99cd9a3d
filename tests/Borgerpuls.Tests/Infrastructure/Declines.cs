using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>Declined tablet hand-overs written straight to the table, then the aggregates rebuilt: a known denominator for
/// tests of what shows the response rate, without a tablet device and its API round trips.</summary>
public static class Declines
{
    public static async Task AddAsync(TestDatabase database, string instrument, string targetGroup, int count,
        string jobCentre = "jc-centrum", string? site = "sjaellandsgade", DateTime? hour = null)
    {
        await using (var db = database.Open())
        {
            var instrumentId = await db.Instruments.Where(i => i.Key == instrument).Select(i => i.Id).SingleAsync();
            var jobCentreId = await db.JobCentres.Where(j => j.Key == jobCentre).Select(j => j.Id).SingleAsync();
            var siteId = site is null ? null : await db.Sites.Where(s => s.Key == site).Select(s => (int?)s.Id).SingleAsync();
            var targetGroupId = await db.TargetGroups.Where(t => t.Key == targetGroup).Select(t => (int?)t.Id).SingleAsync();
            db.DeclinedHandOvers.AddRange(Enumerable.Range(0, count).Select(_ => new DeclinedHandOver
            {
                Id = Guid.NewGuid(), InstrumentId = instrumentId, Hour = hour ?? new DateTime(2025, 3, 10, 10, 0, 0, DateTimeKind.Utc),
                JobCentreId = jobCentreId, SiteId = siteId, TargetGroupId = targetGroupId,
            }));
            await db.SaveChangesAsync();
        }
        await AggregateRebuild.RunAsync(database.Factory, CancellationToken.None);
    }
}
