using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The denominator cells of one database in memory, held by whoever hosts them (a singleton in the web app, one per
/// command-line verb): loaded at first use, kept current by the writers that hold this store after each commit, and reloaded
/// when the generation counter shows that any other writer committed. The response rate reads only this, so its cost follows
/// the number of cells, never the number of invitations or taps stored.</summary>
public sealed class DenominatorStore
{
    private readonly BorgerpulsDbFactory _databases;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Dictionary<int, Dictionary<DenominatorKey, DenominatorCounts>> _instruments = [];
    private long _generation = -1;

    public DenominatorStore(BorgerpulsDbFactory databases) => _databases = databases;

    /// <summary>An instrument's cells whose main-cube key <paramref name="covers"/> accepts.</summary>
    public async Task<List<KeyValuePair<DenominatorKey, DenominatorCounts>>> ReadAsync(int instrumentId, Func<CellKey, bool> covers, CancellationToken ct)
    {
        long generation;
        await using (var db = _databases.Create())
        {
            generation = await db.AggregateState.Where(s => s.Id == DenominatorWriter.StateId).Select(s => s.Generation).SingleAsync(ct);
        }
        if (generation != Interlocked.Read(ref _generation))
        {
            await _loading.WaitAsync(ct);
            try
            {
                if (generation != Interlocked.Read(ref _generation)) await LoadAsync(ct);
            }
            finally
            {
                _loading.Release();
            }
        }
        lock (_lock)
        {
            return _instruments.TryGetValue(instrumentId, out var cells) ? cells.Where(c => covers(c.Key.Cell)).ToList() : [];
        }
    }

    /// <summary>Called by a writer after its transaction committed, with the generation that commit produced.</summary>
    public void Committed(DenominatorDelta delta, long generation)
    {
        lock (_lock)
        {
            if (generation != _generation + 1)
            {
                Interlocked.Exchange(ref _generation, -1); // another writer came between: reload on next read
                return;
            }
            Apply(_instruments, delta.Cells);
            Interlocked.Exchange(ref _generation, generation);
        }
    }

    private static void Apply(Dictionary<int, Dictionary<DenominatorKey, DenominatorCounts>> instruments, IEnumerable<KeyValuePair<DenominatorKey, DenominatorCounts>> cells)
    {
        foreach (var (key, counts) in cells)
        {
            if (!instruments.TryGetValue(key.InstrumentId, out var instrument))
            {
                instruments[key.InstrumentId] = instrument = [];
            }
            instrument[key] = instrument.GetValueOrDefault(key) + counts;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var db = _databases.Create();
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var generation = await db.AggregateState.Where(s => s.Id == DenominatorWriter.StateId).Select(s => s.Generation).SingleAsync(ct);
        var instruments = new Dictionary<int, Dictionary<DenominatorKey, DenominatorCounts>>();
        var rows = db.DenominatorCells.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var c in rows)
        {
            Apply(instruments, [KeyValuePair.Create(new DenominatorKey(c.InstrumentId, c.Month, c.JobCentreId, c.SiteId, c.UnitId, c.TargetGroupId, c.Channel, c.Referral),
                new DenominatorCounts(c.Offered, c.Declined, c.Used))]);
        }
        await tx.CommitAsync(ct);
        lock (_lock)
        {
            _instruments = instruments;
            Interlocked.Exchange(ref _generation, generation);
        }
    }
}
