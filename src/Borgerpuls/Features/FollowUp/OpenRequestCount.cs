using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Borgerpuls.Features.FollowUp;

/// <summary>The number of open requests the staff menu shows beside "Kontaktønsker". The menu is drawn on every staff page, so
/// the count is kept for half a minute per set of job centres instead of being queried on every page; a request stored or
/// handled by this instance shows at once, one stored by another instance within the half minute.</summary>
public sealed class OpenRequestCount(IMemoryCache cache)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
    private int _generation;

    /// <summary>Called after a write that changes the number; counts kept from before are no longer used.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    /// <returns>The number, or null when the database does not answer (the menu leaves the number out, not the page).</returns>
    public async Task<int?> ForAsync(BorgerpulsDb db, Viewer viewer, CancellationToken ct)
    {
        var scope = viewer.JobCentreKeys is null ? "*" : string.Join(',', viewer.JobCentreKeys.Order(StringComparer.Ordinal));
        var key = (nameof(OpenRequestCount), Volatile.Read(ref _generation), viewer.Role, scope);
        if (cache.TryGetValue(key, out int count)) return count;
        try
        {
            count = await FollowUpScope.Visible(db, viewer).CountAsync(f => f.Status == FollowUpStatus.Open, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
        cache.Set(key, count, Fresh);
        return count;
    }
}
