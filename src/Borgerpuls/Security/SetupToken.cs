using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Security;

/// <summary>The one-time link that lets the first person create the first administrator when no bootstrap admin is configured
/// (as Jenkins and Grafana do) — never a default password. One link per database, whichever instance printed it: only its
/// hash is stored (table <c>SetupLinks</c>, one row), every instance accepts it, and taking it is one conditional update, so
/// two posts of the same link at the same moment — to one instance or to two — create one administrator, not two.</summary>
public sealed class SetupToken(BorgerpulsDbFactory databases, TimeProvider clock)
{
    /// <summary>Instances started together (behind a load balancer) share the link the first of them issued; a start after
    /// this issues a new one, which replaces it, so a lost log costs a restart, not a support call.</summary>
    public static readonly TimeSpan SharedFor = TimeSpan.FromMinutes(2);

    public static string ThisInstance => $"{Environment.MachineName} (process {Environment.ProcessId})";

    /// <summary>What a start found: a new token to print, or the link another instance issued a moment ago.</summary>
    public sealed record Issued(string? Token, SetupLink Link);

    /// <summary>At start-up without accounts: a new link, unless another instance issued one less than
    /// <see cref="SharedFor"/> ago that has not been used.</summary>
    public async Task<Issued> IssueAtStartAsync(string issuer)
    {
        await using var db = databases.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.SetupLinks.AsNoTracking().SingleOrDefaultAsync();
        if (existing is { TakenAt: null } && existing.IssuedAt > now - SharedFor)
        {
            return new Issued(null, existing);
        }
        var token = SecretKeys.New(24);
        var link = new SetupLink { TokenHash = SecretKeys.Hash(token), IssuedAt = now, IssuedBy = issuer };
        if (existing is null)
        {
            db.SetupLinks.Add(link);
            try
            {
                await db.SaveChangesAsync();
                return new Issued(token, link);
            }
            catch (DbUpdateException)
            {
                // Another instance inserted its link first: that one stands.
                await using var again = databases.Create();
                return new Issued(null, await again.SetupLinks.AsNoTracking().SingleAsync());
            }
        }
        // Replace the old link only if nobody replaced it since it was read.
        var replaced = await db.SetupLinks.Where(l => l.Id == SetupLink.OnlyId && l.TokenHash == existing.TokenHash)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.TokenHash, link.TokenHash).SetProperty(l => l.IssuedAt, now)
                .SetProperty(l => l.IssuedBy, issuer).SetProperty(l => l.TakenAt, (DateTime?)null));
        return replaced == 1 ? new Issued(token, link) : new Issued(null, await db.SetupLinks.AsNoTracking().SingleAsync());
    }

    /// <summary>A new link whatever was there (tests, and a start that must replace a used one).</summary>
    public async Task<string> IssueAsync()
    {
        await using var db = databases.Create();
        await db.SetupLinks.ExecuteDeleteAsync();
        var token = SecretKeys.New(24);
        db.SetupLinks.Add(new SetupLink { TokenHash = SecretKeys.Hash(token), IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = ThisInstance });
        await db.SaveChangesAsync();
        return token;
    }

    public async Task<bool> IsOpenAsync()
    {
        await using var db = databases.Create();
        return await db.SetupLinks.AnyAsync(l => l.TakenAt == null);
    }

    public async Task<bool> MatchesAsync(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate)) return false;
        var hash = SecretKeys.Hash(candidate);
        await using var db = databases.Create();
        return await db.SetupLinks.AnyAsync(l => l.TokenHash == hash && l.TakenAt == null);
    }

    /// <summary>Takes the link if the candidate matches and nobody took it first (one conditional update, atomic across
    /// instances); give it back with <see cref="ReturnAsync"/> when the account could not be created (a weak password), so
    /// that the link still works for a second try.</summary>
    public async Task<bool> TryTakeAsync(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate)) return false;
        var hash = SecretKeys.Hash(candidate);
        await using var db = databases.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.SetupLinks.Where(l => l.TokenHash == hash && l.TakenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.TakenAt, now)) == 1;
    }

    public async Task ReturnAsync(string token)
    {
        var hash = SecretKeys.Hash(token);
        await using var db = databases.Create();
        await db.SetupLinks.Where(l => l.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(l => l.TakenAt, (DateTime?)null));
    }
}
