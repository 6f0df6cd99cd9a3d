using System.Diagnostics;

namespace Borgerpuls.Data;

/// <summary>The one freshness rule for reference data held in memory (organisation, taxonomy, which instrument version is the
/// newest published): another process — <c>config apply</c>, the CLI, a second server — may change it at any time, and nothing
/// tells this process, so a copy older than <see cref="MaxAge"/> is read again. Small tables, so a reload every few seconds
/// costs nothing; a reload per request would.</summary>
public static class ReferenceData
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    /// <summary>Monotonic, not the app's <see cref="TimeProvider"/>: a test or a clock change moving business time must not
    /// freeze or flush the cache.</summary>
    public static bool IsFresh(long loadedAt) => Stopwatch.GetElapsedTime(loadedAt) < MaxAge;
}

/// <summary>One piece of reference data, loaded on first use and again once older than <see cref="ReferenceData.MaxAge"/>.
/// Concurrent callers that find it stale share one reload instead of each reading the tables.</summary>
public sealed class Refreshing<T>(Func<CancellationToken, Task<T>> load)
{
    private sealed record Entry(T Value, long LoadedAt);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Entry? _current;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        if (_current is { } fresh && ReferenceData.IsFresh(fresh.LoadedAt))
        {
            return fresh.Value;
        }
        await _reload.WaitAsync(ct);
        try
        {
            // Another caller may have reloaded while this one waited.
            if (_current is { } reloaded && ReferenceData.IsFresh(reloaded.LoadedAt))
            {
                return reloaded.Value;
            }
            var value = await load(ct);
            _current = new Entry(value, Stopwatch.GetTimestamp());
            return value;
        }
        finally
        {
            _reload.Release();
        }
    }
}
