using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Security.Redaction;

/// <summary>Brings responses stored by an earlier version up to the current rules: their comments redacted again with the
/// current patterns, their content hash over the unredacted text (from which a redacted CPR number could be recovered by
/// trying every date and serial) replaced by the hash over what is stored, and an imported response's unkeyed id replaced by
/// the keyed one. Runs in the background after start-up, in batches
/// with their own transactions, so a large database is served meanwhile; a retry of a response not reached yet is still
/// recognised by its legacy hash, and an interrupted run goes on at the next start, which finds the hashes left.</summary>
public sealed class StoredContentUpgrade(BorgerpulsDbFactory databases, IConfiguration configuration, ILogger<StoredContentUpgrade> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Privacy:UpgradeStoredContent", true))
        {
            return;
        }
        await Task.Yield();
        try
        {
            var upgraded = await RunAsync(databases, stoppingToken);
            if (upgraded > 0)
            {
                logger.LogInformation("Stored content upgraded: {Responses} responses redacted again and rehashed", upgraded);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the rest is done at the next start.
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogError(e, "Upgrading stored content stopped; it goes on at the next start");
        }
    }

    /// <summary>Upgrades every response that still has a legacy hash; returns how many. Safe to run again at any time.</summary>
    public static async Task<long> RunAsync(BorgerpulsDbFactory databases, CancellationToken ct)
    {
        long upgraded = 0;
        var batch = new List<Guid>(BatchSize);
        // One pass over the table on its own connection; the batches are written on another. The prefix is what new hashes
        // start with: everything else is legacy.
        var prefix = ResponseHash.Prefix.ToString();
        await using var reader = databases.Create();
        await foreach (var id in reader.Responses.AsNoTracking().Where(r => !r.ContentHash.StartsWith(prefix)).Select(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(id);
            if (batch.Count < BatchSize)
            {
                continue;
            }
            upgraded += await UpgradeAsync(databases, batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0)
        {
            upgraded += await UpgradeAsync(databases, batch, ct);
        }
        return upgraded;
    }

    private static async Task<int> UpgradeAsync(BorgerpulsDbFactory databases, List<Guid> ids, CancellationToken ct)
    {
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var responses = await db.Responses.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var comments = (await db.Comments.Where(c => ids.Contains(c.ResponseId)).ToListAsync(ct)).ToLookup(c => c.ResponseId);
        var upgraded = responses.Where(r => ResponseHash.IsLegacy(r.ContentHash)).ToList();
        foreach (var response in upgraded)
        {
            foreach (var comment in comments[response.Id])
            {
                var redacted = CommentRedactor.Redact(comment.Text).Text;
                if (redacted != comment.Text)
                {
                    comment.Text = redacted;
                }
            }
            response.ContentHash = ResponseHash.Of(response, comments[response.Id]);
        }
        await db.SaveChangesAsync(ct);

        // Imported by an earlier version: the unkeyed id of the vendor's respondent id becomes the keyed id a re-import gives.
        // A key cannot change in place, so the row is written again under the new id, its comments follow, the old row goes.
        var rekeyed = new List<(Guid Legacy, Guid Keyed)>();
        db.ChangeTracker.Clear();
        foreach (var response in upgraded.Where(r => r.Id.Version == 5))
        {
            var legacy = response.Id;
            response.Id = Features.Import.NameBasedId.Keyed(DeploymentKey.For(databases.Target), legacy);
            db.Responses.Add(response);
            rekeyed.Add((legacy, response.Id));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (legacy, keyed) in rekeyed)
        {
            await db.Comments.Where(c => c.ResponseId == legacy).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponseId, keyed), ct);
        }
        var legacyIds = rekeyed.Select(r => r.Legacy).ToList();
        if (legacyIds.Count > 0)
        {
            await db.Responses.Where(r => legacyIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return upgraded.Count;
    }
}
