using System.Collections.Concurrent;

namespace Borgerpuls.Features.Ingest;

/// <summary>Flags kiosk presses that follow the same kiosk's previous press within the site's repeat window (SPEC §5), from
/// the device's precise press times — also inside an offline batch. Only these in-memory times are precise: the stored
/// response keeps the hour. After a restart the first press of each kiosk is compared with nothing.</summary>
public sealed class KioskRepeatTracker
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastPress = new();

    /// <summary>For presses in the order given (sorted by the caller), whether each is a repeat.</summary>
    public bool[] Flag(int deviceId, IReadOnlyList<DateTimeOffset> presses, TimeSpan window)
    {
        var flags = new bool[presses.Count];
        lock (_lastPress)
        {
            DateTimeOffset? previous = _lastPress.TryGetValue(deviceId, out var last) ? last : null;
            for (var i = 0; i < presses.Count; i++)
            {
                var gap = previous is { } p ? presses[i] - p : TimeSpan.MaxValue;
                flags[i] = gap >= TimeSpan.Zero && gap < window;
                if (previous is null || presses[i] > previous) previous = presses[i];
            }
            if (previous is { } latest) _lastPress[deviceId] = latest;
        }
        return flags;
    }
}
