using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Crash safety for loads that defer their aggregates: a marker row while the load runs, removed in the transaction
/// that writes the aggregates. If the process dies in between, the stored responses and the aggregates disagree; the
/// marker left behind makes the next start (or the next import) rebuild the aggregates from the responses.</summary>
public static class AggregateDeferrals
{
    public static async Task<long> BeginAsync(DatabaseSetup.Target target, string source, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = DatabaseSetup.Create(target);
        var marker = new AggregateDeferral { Source = source.Length > 200 ? source[..200] : source, StartedAt = now.UtcDateTime };
        db.Set<AggregateDeferral>().Add(marker);
        await db.SaveChangesAsync(ct);
        return marker.Id;
    }

    /// <summary>Removes a marker without writing aggregates: for a load that wrote no responses.</summary>
    public static async Task EndAsync(DatabaseSetup.Target target, long id, CancellationToken ct)
    {
        await using var db = DatabaseSetup.Create(target);
        await db.Set<AggregateDeferral>().Where(d => d.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Rebuilds the aggregates when an interrupted load left a marker. Returns the interrupted loads' sources.
    /// Run it when no load is in progress: at start-up, or before an import.</summary>
    public static async Task<IReadOnlyList<string>> RepairAsync(DatabaseSetup.Target target, CancellationToken ct)
    {
        List<string> interrupted;
        await using (var db = DatabaseSetup.Create(target))
        {
            interrupted = await db.Set<AggregateDeferral>().OrderBy(d => d.Id).Select(d => d.Source).ToListAsync(ct);
        }
        if (interrupted.Count > 0)
        {
            await AggregateRebuild.RunAsync(target, ct);
        }
        return interrupted;
    }
}
