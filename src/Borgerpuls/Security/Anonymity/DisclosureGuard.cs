using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Security.Anonymity;

/// <summary>Differencing protection (SPEC §5) for roles below analyst, one mechanism for every output that carries figures:
/// the sets a request is about to show (its <see cref="DisclosureLedger"/>) are compared with each other and with every set
/// the same user was shown within the window; when any two differ by at least one but fewer than k respondents, nothing is
/// shown, because subtracting the two would reveal those few. The sets are kept in the database: a restart, another instance
/// or many unrelated requests in between change nothing. See docs/decisions/0008-differencing-guard.md.</summary>
public sealed class DisclosureGuard(BorgerpulsDbFactory databases, AnonymityOptions anonymity, TimeProvider clock)
{
    /// <summary>How long a shown set is remembered (from when it was last shown).</summary>
    public TimeSpan Window => anonymity.DifferencingWindow;

    /// <summary>Distinct sets kept per user within the window; beyond it new selections are refused rather than old ones
    /// forgotten, so the guard cannot be flushed. Far above what reading the dashboard every day produces.</summary>
    public int MaxSetsPerUser => anonymity.DifferencingMaxSets;

    /// <summary>Null when everything in the ledger may be shown (and it is now remembered), else why not.</summary>
    public async Task<DisclosureRefusal?> CheckAsync(string user, Viewer viewer, DisclosureLedger ledger, int k, CancellationToken ct)
    {
        Suppression.CheckK(k);
        var incoming = ledger.Sets;
        if (viewer.IsAnalystOrAdmin || incoming.Count == 0) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;

        await using var db = databases.Create();
        // One check at a time per user (two tabs, two instances): the second sees what the first stored.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"disclosure:" + user}))", ct);
        }
        // Forgetting what fell out of the window is also the first write, which on SQLite takes the write lock now.
        await db.DisclosedSets.Where(s => s.User == user && s.At < since).ExecuteDeleteAsync(ct);

        var instruments = incoming.Select(s => s.InstrumentId).Distinct().ToList();
        var known = await db.DisclosedSets.AsNoTracking().Where(s => s.User == user && s.At >= since && instruments.Contains(s.InstrumentId))
            .Select(s => new { s.Id, s.InstrumentId, s.Respondents, s.Fingerprint, s.Definition }).ToListAsync(ct);

        // Two sets whose sizes differ by k or more differ by at least k respondents: only near sizes need the cells. A stored
        // set equal to one shown now adds nothing the comparisons among the new sets do not cover (the same page again).
        var fresh = incoming.Select(s => (s.InstrumentId, s.Set, Fingerprint: s.Set.Fingerprint())).DistinctBy(s => (s.InstrumentId, s.Fingerprint)).ToList();
        var shownNow = fresh.Select(s => (s.InstrumentId, s.Fingerprint)).ToHashSet();
        var candidates = known.Where(s => !shownNow.Contains((s.InstrumentId, s.Fingerprint))
            && incoming.Any(n => n.InstrumentId == s.InstrumentId && Math.Abs(n.Set.Respondents - s.Respondents) < k)).Select(s => s.Id).ToList();
        var earlier = new List<(int InstrumentId, RespondentSet Set)>();
        foreach (var chunk in candidates.Chunk(500))
        {
            var rows = await db.DisclosedSets.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.InstrumentId, s.Cells, s.Definition }).ToListAsync(ct);
            earlier.AddRange(rows.Select(r => (r.InstrumentId, RespondentSet.FromBytes(r.Cells, r.Definition))));
        }

        var shown = fresh.Select(s => (s.InstrumentId, s.Set)).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var (instrument, set) = shown[i];
            var others = earlier.Concat(shown.Skip(i + 1));
            foreach (var (otherInstrument, other) in others)
            {
                // The same question asked again is answered (SPEC §5), also when answers arrived in between.
                if (otherInstrument != instrument || Math.Abs(other.Respondents - set.Respondents) >= k || (set.Definition.Length > 0 && other.Definition == set.Definition)) continue;
                if (Suppression.IsDifferencingRisk(set.Difference(other), k))
                {
                    return new DisclosureRefusal(k, DisclosureRefusalReason.Differencing);
                }
            }
        }

        var fingerprints = known.Select(s => (s.InstrumentId, s.Fingerprint)).ToHashSet();
        var added = fresh.Where(s => !fingerprints.Contains((s.InstrumentId, s.Fingerprint))).ToList();
        if (added.Count > 0 && await db.DisclosedSets.CountAsync(s => s.User == user && s.At >= since, ct) + added.Count > MaxSetsPerUser)
        {
            return new DisclosureRefusal(k, DisclosureRefusalReason.TooMany);
        }
        foreach (var s in added)
        {
            db.DisclosedSets.Add(new DisclosedSet { User = user, InstrumentId = s.InstrumentId, Respondents = s.Set.Respondents, Fingerprint = s.Fingerprint, Definition = s.Set.Definition, Cells = s.Set.ToBytes(), At = now });
        }
        await db.SaveChangesAsync(ct);
        var seenAgain = fresh.Where(s => fingerprints.Contains((s.InstrumentId, s.Fingerprint))).Select(s => s.Fingerprint).ToList();
        if (seenAgain.Count > 0)
        {
            await db.DisclosedSets.Where(s => s.User == user && seenAgain.Contains(s.Fingerprint)).ExecuteUpdateAsync(u => u.SetProperty(s => s.At, now), ct);
        }
        await transaction.CommitAsync(ct);
        return null;
    }
}

public enum DisclosureRefusalReason
{
    /// <summary>Two sets differ by 1 … k−1 respondents.</summary>
    Differencing,

    /// <summary>The user reached the number of distinct sets kept per window.</summary>
    TooMany,
}

public sealed record DisclosureRefusal(int K, DisclosureRefusalReason Reason);
