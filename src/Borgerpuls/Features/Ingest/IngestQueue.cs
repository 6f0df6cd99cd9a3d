using System.Threading.Channels;
using Borgerpuls.Data;
using Borgerpuls.Data.Bulk;

namespace Borgerpuls.Features.Ingest;

/// <summary>The response was already stored with other content under the same id.</summary>
public sealed class ResponseConflictException(Guid id) : Exception($"Response {id} was already stored with different content.")
{
    public Guid Id { get; } = id;
}

/// <summary>Group commit: concurrent submissions are written together in one transaction by a single writer, and each is
/// acknowledged only after that transaction has committed. One fsync serves many responses, which is what lets the embedded
/// database take thousands of responses a second while never acknowledging anything that is not durable.</summary>
public sealed class IngestQueue(BorgerpulsDbFactory databases, ILogger<IngestQueue> logger) : BackgroundService
{
    private const int MaxRowsPerCommit = 2_000;

    private sealed record Pending(IReadOnlyList<ResponseRow> Rows, TaskCompletionSource<IReadOnlyList<Acknowledgement>> Done);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000) { SingleReader = true });

    /// <summary>Stores the rows atomically (all or none) and returns one acknowledgement per row, in order.</summary>
    public async Task<IReadOnlyList<Acknowledgement>> SubmitAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct)
    {
        var pending = new Pending(rows, new TaskCompletionSource<IReadOnlyList<Acknowledgement>>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        Metrics.BorgerpulsMetrics.Enqueued();
        return await pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                var rows = 0;
                while (rows < MaxRowsPerCommit && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                    rows += next.Rows.Count;
                }
                Metrics.BorgerpulsMetrics.Dequeued(group.Count);
                var failure = await StoreAsync(group, stoppingToken);
                if (failure is not null && DatabaseUnavailable.Is(failure))
                {
                    // The writer's long-held connection may be one that a restarted server has ended: the first group after
                    // the restart gets a fresh connection before its clients are told to come back. Nothing of the failed
                    // attempt was committed, and the second recognises by id anything stored since.
                    DatabaseUnavailable.ForgetDeadConnections(failure);
                    failure = await StoreAsync(group, stoppingToken);
                }
                if (failure is not null)
                {
                    logger.LogError(failure, "Could not store {Count} submissions; the clients will retry", group.Count);
                    foreach (var p in group) p.Done.TrySetException(failure);
                }
            }
        }
        finally
        {
            if (_writer is not null) await _writer.DisposeAsync();
        }
    }

    private ResponseBulkWriter? _writer;

    /// <summary>Null when the group was stored (or answered), else what went wrong; after a failure the writer and its
    /// connection are dropped, and the next group opens new ones.</summary>
    private async Task<Exception?> StoreAsync(List<Pending> group, CancellationToken ct)
    {
        try
        {
            _writer ??= await ResponseBulkWriter.OpenAsync(databases, databases.Aggregates, ct);
            await CommitAsync(_writer, group, ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (_writer is not null) await _writer.DisposeAsync();
            _writer = null;
            return e;
        }
    }

    // A response stored before hashes covered only the redacted content keeps its legacy hash until the stored-content
    // upgrade reaches it; a retry of it is recognised by the legacy hash of what it sends.
    private static bool SameContent(string storedHash, ResponseRow row) =>
        storedHash == row.Response.ContentHash || (Domain.ResponseHash.IsLegacy(storedHash) && storedHash == row.LegacyContentHash);

    private async Task CommitAsync(ResponseBulkWriter writer, List<Pending> group, CancellationToken ct)
    {
        // Which ids are stored already, and with what content: a retry is acknowledged again, a reuse is a conflict.
        var ids = group.SelectMany(p => p.Rows).Select(r => r.Response.Id).ToHashSet();
        var stored = await writer.StoredHashesAsync(ids, ct);
        var accepted = new List<(Pending Pending, List<ResponseRow> New, List<Acknowledgement> Acks)>();
        foreach (var pending in group)
        {
            var fresh = new List<ResponseRow>();
            var acks = new List<Acknowledgement>();
            Guid? conflict = null;
            foreach (var row in pending.Rows)
            {
                if (stored.TryGetValue(row.Response.Id, out var hash))
                {
                    if (!SameContent(hash, row)) conflict = row.Response.Id;
                    acks.Add(new Acknowledgement(row.Response.Id, "duplicate"));
                    continue;
                }
                stored[row.Response.Id] = row.Response.ContentHash;
                fresh.Add(row);
                acks.Add(new Acknowledgement(row.Response.Id, "created"));
            }
            if (conflict is { } id)
            {
                foreach (var row in fresh) stored.Remove(row.Response.Id);
                pending.Done.TrySetException(new ResponseConflictException(id));
                continue;
            }
            accepted.Add((pending, fresh, acks));
        }

        while (accepted.Count > 0)
        {
            try
            {
                var rows = accepted.SelectMany(a => a.New).ToList();
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await writer.WriteAsync(rows, ct);
                Metrics.BorgerpulsMetrics.Committed(rows.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                break;
            }
            catch (InvitationAlreadyUsedException used)
            {
                // Someone else consumed this invitation first; refuse that submission and commit the others.
                var loser = accepted.First(a => a.New.Any(r => r.InvitationTokenHash == used.TokenHash));
                loser.Pending.Done.TrySetException(used);
                accepted.Remove(loser);
            }
        }
        foreach (var (pending, _, acks) in accepted)
        {
            pending.Done.TrySetResult(acks);
        }
    }
}
