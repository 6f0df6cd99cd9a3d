using Borgerpuls.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The aggregates of one database in memory, as flat arrays per instrument, held by whoever hosts them (a singleton
/// in the web app, one per command-line verb): loaded at first use, kept current by the writers that hold this store after
/// each commit, and brought up to date when the generation counter shows that any other writer committed — by reading only
/// the cells changed since, each stamped with its commit's generation. Only a rebuild (cells may have gone) makes it load
/// everything again. Queries read only this, so their cost follows the number of cells, never the number of responses. The
/// server holds every instrument (loaded at start); a command-line verb holds only the instruments it reads, so that its
/// start does not wait for a national database's other cells.</summary>
public sealed class AggregateStore
{
    private readonly BorgerpulsDbFactory _databases;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Dictionary<int, InstrumentCells> _instruments = [];
    // The instruments held, null for all; it only grows (a rebuild reloads the same set), so a held instrument stays held.
    private HashSet<int>? _held = [];
    private long _generation = -1;
    private long _rebuilds = -1;
    private int _loads;
    private int _refreshes;
    private long _cellsRead;

    public AggregateStore(BorgerpulsDbFactory databases) => _databases = databases;

    /// <summary>How this store has caught up so far: full loads, changed-cell reads, and the cells both read.</summary>
    public (int Loads, int Refreshes, long CellsRead) Statistics => (_loads, _refreshes, Interlocked.Read(ref _cellsRead));

    /// <summary>Runs <paramref name="read"/> over an instrument's current cells under a read lock; it must not keep references.</summary>
    public async Task<T> ReadAsync<T>(int instrumentId, Func<InstrumentCells, T> read, CancellationToken ct)
    {
        await EnsureCurrentAsync(instrumentId, ct);
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

    /// <summary>Holds every instrument from now on and catches up unless this store already holds the current generation.</summary>
    public Task EnsureCurrentAsync(CancellationToken ct) => EnsureCurrentAsync(null, ct);

    private async Task EnsureCurrentAsync(int? instrumentId, CancellationToken ct)
    {
        var (generation, rebuilds) = await StateAsync(ct);
        if (generation == Interlocked.Read(ref _generation) && rebuilds == Interlocked.Read(ref _rebuilds) && Holds(instrumentId))
        {
            return;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (rebuilds != Interlocked.Read(ref _rebuilds) || Interlocked.Read(ref _generation) < 0 || !Holds(instrumentId))
            {
                // A newly held instrument is loaded with the others in one snapshot, so that all are of one generation.
                await LoadAsync(instrumentId is { } id && _held is { } held ? [.. held, id] : null, ct);
            }
            else if (generation != Interlocked.Read(ref _generation))
            {
                await RefreshAsync(ct);
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool Holds(int? instrumentId)
    {
        var held = Volatile.Read(ref _held);
        return held is null || instrumentId is { } id && held.Contains(id);
    }

    private async Task<(long Generation, long Rebuilds)> StateAsync(CancellationToken ct)
    {
        await using var db = _databases.Create();
        return await StateAsync(db, ct);
    }

    private static async Task<(long Generation, long Rebuilds)> StateAsync(BorgerpulsDb db, CancellationToken ct)
    {
        var rows = await db.AggregateState.Where(s => s.Id == 1 || s.Id == AggregateRebuild.StateId).ToDictionaryAsync(s => s.Id, s => s.Generation, ct);
        return (rows[1], rows[AggregateRebuild.StateId]);
    }

    /// <summary>Called by a writer after its transaction committed, with the generation that commit produced.</summary>
    public void Committed(AggregateDelta delta, long generation)
    {
        _lock.EnterWriteLock();
        try
        {
            if (generation != _generation + 1)
            {
                // Another writer's commit came between: the next read catches up on both from the changed cells.
                return;
            }
            Apply(_instruments, delta.Cells.Where(c => Holds(c.Key.InstrumentId)));
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

    /// <summary>Loads the instruments <paramref name="held"/> (null: all) in one snapshot in place of what is held. Commits
    /// by this store's writers that land meanwhile are not lost: they come after the snapshot's generation, so the next read
    /// catches up.</summary>
    private async Task LoadAsync(HashSet<int>? held, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = _databases.Create();
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (generation, rebuilds) = await StateAsync(db, ct);
        var cells = await ReadCellsAsync(db, null, held, ct);
        await tx.CommitAsync(ct);
        var instruments = new Dictionary<int, InstrumentCells>();
        Apply(instruments, cells.Values.Select(v => KeyValuePair.Create(v.Key, v.Counts)));
        _lock.EnterWriteLock();
        try
        {
            _instruments = instruments;
            Volatile.Write(ref _held, held);
            Interlocked.Exchange(ref _generation, generation);
            Interlocked.Exchange(ref _rebuilds, rebuilds);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        Interlocked.Increment(ref _loads);
        Interlocked.Add(ref _cellsRead, cells.Count);
        Features.Metrics.BorgerpulsMetrics.Loaded(started);
    }

    /// <summary>Reads the cells changed since this store's generation and puts their current counts in place of the held
    /// ones. Cells only grow between rebuilds, so a changed cell's row is its whole new state.</summary>
    private async Task RefreshAsync(CancellationToken ct)
    {
        var since = Interlocked.Read(ref _generation);
        await using var db = _databases.Create();
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (generation, rebuilds) = await StateAsync(db, ct);
        if (rebuilds != Interlocked.Read(ref _rebuilds))
        {
            await tx.CommitAsync(ct);
            await LoadAsync(_held, ct);
            return;
        }
        var cells = await ReadCellsAsync(db, since, _held, ct);
        await tx.CommitAsync(ct);
        _lock.EnterWriteLock();
        try
        {
            // This store's writers may have committed meanwhile; what was read is then older than what is held.
            if (generation > _generation)
            {
                foreach (var (key, counts) in cells.Values)
                {
                    if (!_instruments.TryGetValue(key.InstrumentId, out var instrument))
                    {
                        _instruments[key.InstrumentId] = instrument = new InstrumentCells();
                    }
                    var cell = new CompactCell(key);
                    cell.Add(counts, instrument.Layout);
                    instrument.Cells[key] = cell;
                }
                Interlocked.Exchange(ref _generation, generation);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        Interlocked.Increment(ref _refreshes);
        Interlocked.Add(ref _cellsRead, cells.Count);
    }

    /// <summary>All cells, or those changed after generation <paramref name="since"/>, of the instruments <paramref name="held"/>
    /// (null: all), with their options and pairs, inside the caller's snapshot.</summary>
    private static async Task<Dictionary<long, (CellKey Key, CellCounts Counts)>> ReadCellsAsync(BorgerpulsDb db, long? since, HashSet<int>? held, CancellationToken ct)
    {
        IQueryable<AggregateCell> selected = db.AggregateCells;
        if (since is { } g) selected = selected.Where(c => c.Generation > g);
        if (held is not null) selected = selected.Where(c => held.Contains(c.InstrumentId));
        var byId = new Dictionary<long, (CellKey Key, CellCounts Counts)>();
        await foreach (var c in selected.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            byId[c.Id] = (CellKey.Of(c), new CellCounts { Respondents = c.Respondents });
        }
        await AggregateRows.ReadAsync<AggregateOption>(db,
            [nameof(AggregateOption.CellId), nameof(AggregateOption.QuestionKey), nameof(AggregateOption.OptionCode), nameof(AggregateOption.Count)],
            since, held, r =>
        {
            if (byId.TryGetValue(r.GetInt64(0), out var cell)) cell.Counts.Options[(string.Intern(r.GetString(1)), string.Intern(r.GetString(2)))] = r.GetInt64(3);
        }, ct);
        await AggregateRows.ReadAsync<AggregatePair>(db,
            [nameof(AggregatePair.CellId), nameof(AggregatePair.QuestionKey), nameof(AggregatePair.N), nameof(AggregatePair.SumX), nameof(AggregatePair.SumY),
             nameof(AggregatePair.SumXX), nameof(AggregatePair.SumYY), nameof(AggregatePair.SumXY)],
            since, held, r =>
        {
            if (byId.TryGetValue(r.GetInt64(0), out var cell))
            {
                cell.Counts.Pairs[string.Intern(r.GetString(1))] = new PairSums(r.GetInt64(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7));
            }
        }, ct);
        return byId;
    }
}
