using System.Diagnostics;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Who runs a deferred load, written into its marker, and whether that load can still be running. A marker is
/// repaired only when its load is dead; repairing a live one would be harmless (see <see cref="AggregateDeferral.Superseded"/>)
/// but would rebuild everything while another process is importing.</summary>
public static class LoadOwner
{
    /// <summary>A live load refreshes its heartbeat this often.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);

    /// <summary>Without a heartbeat for this long, a load on another host is taken as dead. Several missed beats: a long
    /// garbage collection or a busy database must not make a live load look dead.</summary>
    public static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(90);

    /// <summary>"host/pid/start": the start time tells this process from a later one that was given the same id.</summary>
    public static string Current { get; } = Describe(Environment.MachineName, Environment.ProcessId, StartTicks(Process.GetCurrentProcess()));

    public static bool IsDead(AggregateDeferral marker, DateTime utcNow)
    {
        if (marker.Owner.Split('/') is not [var host, var pidText, var startText] || !int.TryParse(pidText, out var pid))
        {
            return true;
        }
        if (host == Environment.MachineName)
        {
            // On this host the process table answers at once, so a restart after a crash repairs without waiting.
            return !IsRunning(pid, startText);
        }
        return utcNow - marker.HeartbeatAt > DeadAfter;
    }

    private static bool IsRunning(int pid, string startText)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTicks(process).ToString(System.Globalization.CultureInfo.InvariantCulture) == startText;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;

    private static string Describe(string host, int pid, long start) =>
        FormattableString.Invariant($"{(host.Length > 120 ? host[..120] : host)}/{pid}/{start}");
}
