using System.Collections.Concurrent;
using Borgerpuls.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The aggregates in memory, one store per database: loaded at first use, kept current by the writers of this
/// process after each commit, and reloaded when the generation counter shows that another process wrote. Queries read
/// only this, so their cost follows the number of cells, never the number of responses.</summary>
public sealed class AggregateStore
{
    private static readonly ConcurrentDictionary<string, AggregateStore> Stores = new(StringComparer.Ordinal);

    private readonly DatabaseSetup.Target _target;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<CellKey, CellCounts> _cells = [];
    private long _generation = -1;

    private AggregateStore(DatabaseSetup.Target target) => _target = target;

    public static AggregateStore For(DatabaseSetup.Target target) => Stores.GetOrAdd(target.ConnectionString, _ => new AggregateStore(target));

    /// <summary>The current cells; only to be read, never changed, by the caller.</summary>
    public async Task<IReadOnlyDictionary<CellKey, CellCounts>> CellsAsync(CancellationToken ct)
    {
        long generation;
        await using (var db = DatabaseSetup.Create(_target))
        {
            generation = await db.AggregateState.Where(s => s.Id == 1).Select(s => s.Generation).SingleAsync(ct);
        }
        if (generation == Volatile.Read(ref _generation))
        {
            return _cells;
        }
        await _lock.WaitAsync(ct);
        try
        {
            if (generation != _generation)
            {
                await LoadAsync(ct);
            }
            return _cells;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Called by a writer after its transaction committed, with the generation that commit produced.</summary>
    public void Committed(AggregateDelta delta, long generation)
    {
        _lock.Wait();
        try
        {
            if (generation != _generation + 1)
            {
                _generation = -1; // another writer came between: reload on next read
                return;
            }
            // Copy on write: readers keep a consistent snapshot.
            var cells = new Dictionary<CellKey, CellCounts>(_cells);
            foreach (var (key, counts) in delta.Cells)
            {
                var merged = new CellCounts();
                if (cells.TryGetValue(key, out var existing)) merged.Add(existing);
                merged.Add(counts);
                cells[key] = merged;
            }
            _cells = cells;
            _generation = generation;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var db = DatabaseSetup.Create(_target);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var generation = await db.AggregateState.Where(s => s.Id == 1).Select(s => s.Generation).SingleAsync(ct);
        var byId = new Dictionary<long, CellCounts>();
        var cells = new Dictionary<CellKey, CellCounts>();
        await foreach (var c in db.AggregateCells.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var counts = new CellCounts { Respondents = c.Respondents };
            byId[c.Id] = counts;
            cells[new CellKey(c.Cube, c.InstrumentId, c.Month, c.JobCentreId, c.SiteId, c.UnitId, c.OfferId, c.TargetGroupId, c.Channel, c.MeetingType, c.Language, c.Repeat)] = counts;
        }
        await foreach (var o in db.AggregateOptions.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(o.CellId, out var counts)) counts.Options[(string.Intern(o.QuestionKey), string.Intern(o.OptionCode))] = o.Count;
        }
        await foreach (var p in db.AggregatePairs.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(p.CellId, out var counts)) counts.Pairs[string.Intern(p.QuestionKey)] = new PairSums(p.N, p.SumX, p.SumY, p.SumXX, p.SumYY, p.SumXY);
        }
        await tx.CommitAsync(ct);
        _cells = cells;
        _generation = generation;
    }
}
