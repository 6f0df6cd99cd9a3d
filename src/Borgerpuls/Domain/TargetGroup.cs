namespace Borgerpuls.Domain;

/// <summary>A target group (målgruppe), e.g. <c>jobparat</c> or <c>sygedagpenge</c>.</summary>
public sealed class TargetGroup : IRetirable
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public LocalizedText Names { get; set; } = [];

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }
    public int Position { get; set; }
    public List<TargetGroupSet> Sets { get; set; } = [];
}

/// <summary>A named union of target groups (målgruppesamling) used in reporting, e.g. <c>udsatte</c>.</summary>
public sealed class TargetGroupSet : IRetirable
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public LocalizedText Names { get; set; } = [];

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }
    public List<TargetGroup> Members { get; set; } = [];
}

/// <summary>A municipality-defined context variable (baggrundsvariabel) such as age band or caseworker change.
/// Only coded values are allowed, so it can never carry a direct identifier.</summary>
public sealed class BackgroundVariable : IRetirable
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public LocalizedText Names { get; set; } = [];

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }
    public List<BackgroundOption> Options { get; set; } = [];
}

public sealed record BackgroundOption(string Code, LocalizedText Labels);
