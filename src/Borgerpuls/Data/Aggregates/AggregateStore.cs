using System.Collections.Concurrent;
using Borgerpuls.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The aggregates in memory, one store per database, as flat arrays per instrument: loaded at first use, kept
/// current by this process's writers after each commit, and reloaded when the generation counter shows that another
/// process wrote. Queries read only this, so their cost follows the number of cells, never the number of responses.</summary>
public sealed class AggregateStore
{
    private static readonly ConcurrentDictionary<string, AggregateStore> Stores = new(StringComparer.Ordinal);

    private readonly DatabaseSetup.Target _target;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Dictionary<int, InstrumentCells> _instruments = [];
    private long _generation = -1;

    private AggregateStore(DatabaseSetup.Target target) => _target = target;

    public static AggregateStore For(DatabaseSetup.Target target) => Stores.GetOrAdd(target.ConnectionString, _ => new AggregateStore(target));

    /// <summary>Runs <paramref name="read"/> over an instrument's current cells under a read lock; it must not keep references.</summary>
    public async Task<T> ReadAsync<T>(int instrumentId, Func<InstrumentCells, T> read, CancellationToken ct)
    {
        await EnsureCurrentAsync(ct);
        _lock.EnterReadLock();
        try
        {
            return read(_instruments.TryGetValue(instrumentId, out var cells) ? cells : new InstrumentCells());
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Loads the aggregates unless this process already holds the current generation.</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        long generation;
        await using (var db = DatabaseSetup.Create(_target))
        {
            generation = await db.AggregateState.Where(s => s.Id == 1).Select(s => s.Generation).SingleAsync(ct);
        }
        if (generation != Interlocked.Read(ref _generation))
        {
            await _loading.WaitAsync(ct);
            try
            {
                if (generation != Interlocked.Read(ref _generation))
                {
                    await LoadAsync(ct);
                }
            }
            finally
            {
                _loading.Release();
            }
        }
    }

    /// <summary>Called by a writer after its transaction committed, with the generation that commit produced.</summary>
    public void Committed(AggregateDelta delta, long generation)
    {
        _lock.EnterWriteLock();
        try
        {
            if (generation != _generation + 1)
            {
                Interlocked.Exchange(ref _generation, -1); // another writer came between: reload on next read
                return;
            }
            Apply(_instruments, delta.Cells);
            Interlocked.Exchange(ref _generation, generation);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private static void Apply(Dictionary<int, InstrumentCells> instruments, IEnumerable<KeyValuePair<CellKey, CellCounts>> cells)
    {
        foreach (var (key, counts) in cells)
        {
            if (!instruments.TryGetValue(key.InstrumentId, out var instrument))
            {
                instruments[key.InstrumentId] = instrument = new InstrumentCells();
            }
            if (!instrument.Cells.TryGetValue(key, out var cell))
            {
                instrument.Cells[key] = cell = new CompactCell(key);
            }
            cell.Add(counts, instrument.Layout);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var db = DatabaseSetup.Create(_target);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var generation = await db.AggregateState.Where(s => s.Id == 1).Select(s => s.Generation).SingleAsync(ct);
        var byId = new Dictionary<long, (CellKey Key, CellCounts Counts)>();
        await foreach (var c in db.AggregateCells.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            byId[c.Id] = (CellKey.Of(c), new CellCounts { Respondents = c.Respondents });
        }
        await foreach (var o in db.AggregateOptions.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(o.CellId, out var cell)) cell.Counts.Options[(string.Intern(o.QuestionKey), string.Intern(o.OptionCode))] = o.Count;
        }
        await foreach (var p in db.AggregatePairs.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(p.CellId, out var cell)) cell.Counts.Pairs[string.Intern(p.QuestionKey)] = new PairSums(p.N, p.SumX, p.SumY, p.SumXX, p.SumYY, p.SumXY);
        }
        await tx.CommitAsync(ct);
        var instruments = new Dictionary<int, InstrumentCells>();
        Apply(instruments, byId.Values.Select(v => KeyValuePair.Create(v.Key, v.Counts)));
        _lock.EnterWriteLock();
        try
        {
            _instruments = instruments;
            Interlocked.Exchange(ref _generation, generation);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
