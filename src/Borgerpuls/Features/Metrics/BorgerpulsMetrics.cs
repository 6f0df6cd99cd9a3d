using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Borgerpuls.Features.Metrics;

/// <summary>The application's own measurements, for an operator's dashboard and alerts (docs/operations.md, "What to
/// monitor"). Counts and durations only: no answer, comment, key or address is ever a label; a device is labelled by its
/// number, which the device list shows.</summary>
public static class BorgerpulsMetrics
{
    public const string MeterName = "Borgerpuls";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Stored = Meter.CreateCounter<long>("borgerpuls.ingest.responses", "{response}", "Responses stored (a retry of a stored response is not counted)");

    private static readonly Histogram<double> Commit = Meter.CreateHistogram<double>("borgerpuls.ingest.commit.duration", "s", "Time to store one group commit of submissions");

    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("borgerpuls.device.refused", "{submission}", "Submissions from a kiosk or tablet refused as invalid, by device number");

    private static readonly Histogram<double> Query = Meter.CreateHistogram<double>("borgerpuls.query.duration", "s", "Time to compute one results query (results, dashboard, report, export)");

    private static readonly Histogram<double> Load = Meter.CreateHistogram<double>("borgerpuls.aggregates.load.duration", "s", "Time to load the aggregate cells into memory (start, after a rebuild)");

    private static readonly UpDownCounter<long> Queue = Meter.CreateUpDownCounter<long>("borgerpuls.ingest.queue.depth", "{submission}", "Submissions waiting for their group commit");

    public static void Enqueued() => Queue.Add(1);

    public static void Dequeued(int count) => Queue.Add(-count);

    public static void Committed(int responses, TimeSpan took)
    {
        Stored.Add(responses);
        Commit.Record(took.TotalSeconds);
    }

    public static void DeviceRefused(int deviceId) => Refused.Add(1, new KeyValuePair<string, object?>("device", deviceId));

    public static void Queried(long startTimestamp) => Query.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    public static void Loaded(long startTimestamp) => Load.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
}
