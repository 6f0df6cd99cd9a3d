namespace Borgerpuls.Domain;

/// <summary>A published promise (servicemål) such as "every inquiry answered or acknowledged within 24 hours",
/// measured from imported event logs.</summary>
public sealed class ServiceGoal
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public LocalizedText Names { get; set; } = [];
    public LocalizedText Descriptions { get; set; } = [];

    /// <summary>The kind of event the promise covers, as the event log names it (e.g. "henvendelse").</summary>
    public string Kind { get; set; } = "";

    /// <summary>The promise holds for an event when it is handled within this many hours.</summary>
    public double WithinHours { get; set; }

    /// <summary>Share of events (0–1) that must keep the promise.</summary>
    public double TargetShare { get; set; }
    public bool Published { get; set; }
}
