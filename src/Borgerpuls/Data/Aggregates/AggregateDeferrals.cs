using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Crash safety for loads that defer their aggregates: a marker row while the load runs, removed in the transaction
/// that writes the aggregates. If the load dies in between, the stored responses and the aggregates disagree; the dead
/// load's marker makes the next start rebuild the aggregates from the responses.</summary>
public static class AggregateDeferrals
{
    public static async Task<DeferredLoad> BeginAsync(BorgerpulsDbFactory databases, string source, CancellationToken ct)
    {
        await using var db = databases.Create();
        var now = DateTime.UtcNow;
        var marker = new AggregateDeferral { Source = source.Length > 200 ? source[..200] : source, StartedAt = now, Owner = LoadOwner.Current, HeartbeatAt = now };
        db.Set<AggregateDeferral>().Add(marker);
        await db.SaveChangesAsync(ct);
        return new DeferredLoad(databases, marker.Id);
    }

    /// <summary>Rebuilds the aggregates when a dead load left a marker; markers of loads still running are left to their
    /// owners. Returns the interrupted loads' sources — empty when another instance starting at the same time repaired them
    /// first: the markers are read again under the maintenance lock, so the rebuild runs once, not once per instance.</summary>
    public static async Task<IReadOnlyList<string>> RepairAsync(BorgerpulsDbFactory databases, CancellationToken ct)
    {
        await using (var db = databases.Create())
        {
            // The common case, nothing to repair, takes no lock.
            var markers = await db.Set<AggregateDeferral>().AsNoTracking().ToListAsync(ct);
            if (!markers.Any(m => LoadOwner.IsDead(m, DateTime.UtcNow)))
            {
                return [];
            }
        }
        List<string> dead = [];
        await AggregateRebuild.AfterDeletingAsync(databases, async (db, ct) =>
        {
            // Nothing is deleted: the condition is checked inside the rebuild's transaction, after the lock.
            var markers = await db.Set<AggregateDeferral>().AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
            dead = markers.Where(m => LoadOwner.IsDead(m, DateTime.UtcNow)).Select(m => m.Source).ToList();
            return dead.Count > 0;
        }, ct);
        return dead;
    }
}

/// <summary>A running deferred load's marker: keeps its heartbeat while the load runs.</summary>
public sealed class DeferredLoad : IAsyncDisposable
{
    private readonly BorgerpulsDbFactory _databases;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    internal DeferredLoad(BorgerpulsDbFactory databases, long id)
    {
        _databases = databases;
        Id = id;
        _beating = BeatAsync(_stop.Token);
    }

    public long Id { get; }

    /// <summary>Removes the marker without writing aggregates: for a load that wrote no responses.</summary>
    public async Task EndAsync(CancellationToken ct)
    {
        await StopAsync();
        await using var db = _databases.Create();
        await db.Set<AggregateDeferral>().Where(d => d.Id == Id).ExecuteDeleteAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        await _beating;
    }

    private async Task BeatAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(LoadOwner.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var db = _databases.Create();
                    await db.Set<AggregateDeferral>().Where(d => d.Id == Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.HeartbeatAt, DateTime.UtcNow), stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy database delays one beat; the next one tries again. Several must fail before the load looks dead.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
