using Borgerpuls.Domain;

namespace Borgerpuls.Features.Configuration;

/// <summary>The declarative configuration (configuration as code) that <c>config apply</c> upserts and <c>config export</c> writes.
/// Everything is addressed by key; see docs/configuration.md and docs/config-example.json.</summary>
public sealed record ConfigDocument
{
    public List<MunicipalityConfig> Municipalities { get; init; } = [];
    public List<TargetGroupConfig> TargetGroups { get; init; } = [];
    public List<TargetGroupSetConfig> TargetGroupSets { get; init; } = [];
    public List<BackgroundVariableConfig> BackgroundVariables { get; init; } = [];
    public List<ScaleConfig> Scales { get; init; } = [];
    public List<InstrumentConfig> Instruments { get; init; } = [];
    public List<CampaignConfig> Campaigns { get; init; } = [];
    public List<TargetConfig> Targets { get; init; } = [];
    public List<ServiceGoalConfig> ServiceGoals { get; init; } = [];
}

public sealed record MunicipalityConfig(string Key, string Name)
{
    /// <summary>Takes part in the cross-municipal benchmark; left out, the municipality's setting is not changed.</summary>
    public bool? Benchmark { get; init; }
    public List<JobCentreConfig> JobCentres { get; init; } = [];
    public List<OfferConfig> Offers { get; init; } = [];
}

public sealed record JobCentreConfig(string Key, string Name)
{
    public List<SiteConfig> Sites { get; init; } = [];
}

public sealed record SiteConfig(string Key, string Name)
{
    public int KioskRepeatWindowSeconds { get; init; } = 5;
    public List<UnitConfig> Units { get; init; } = [];
}

public sealed record UnitConfig(string Key, string Name);

public sealed record OfferConfig(string Key, string Name, string? Provider = null);

public sealed record TargetGroupConfig(string Key, Dictionary<string, string> Names);

public sealed record TargetGroupSetConfig(string Key, Dictionary<string, string> Names, List<string> Members);

public sealed record BackgroundVariableConfig(string Key, Dictionary<string, string> Names, List<BackgroundOptionConfig> Options);

public sealed record BackgroundOptionConfig(string Code, Dictionary<string, string> Labels);

public sealed record ScaleConfig(string Key, Dictionary<string, string> Names, List<ScaleOptionConfig> Options);

public sealed record ScaleOptionConfig(string Code, Dictionary<string, string> Labels, Polarity Polarity, double? Value = null);

public sealed record InstrumentConfig(string Key, Dictionary<string, string> Names, List<QuestionConfig> Questions)
{
    public InstrumentKind Kind { get; init; } = InstrumentKind.Citizen;
    public string? Extends { get; init; }
    public string? MirrorOf { get; init; }
}

public sealed record QuestionConfig(string Key, QuestionType Type, Dictionary<string, string> Texts)
{
    public string? Scale { get; init; }
    public string? Theme { get; init; }
    public Touchpoint? Touchpoint { get; init; }
    public bool Overall { get; init; }
    public bool Required { get; init; }
    public string? ShowAfter { get; init; }
}

public sealed record CampaignConfig(string Key, string Name, string Instrument, Channel Channel, DateOnly StartsOn)
{
    public string? JobCentre { get; init; }
    public string? Site { get; init; }
    public string? Unit { get; init; }
    public DateOnly? EndsOn { get; init; }
    public CampaignStatus Status { get; init; } = CampaignStatus.Draft;
    public List<string> TargetGroups { get; init; } = [];
}

public sealed record TargetConfig(string Key, string Name, string Instrument, TargetMetric Metric, TargetDirection Direction, double Threshold)
{
    public TargetAggregation Aggregation { get; init; } = TargetAggregation.MeanOfQuestions;
    public string? Question { get; init; }
    public string? TargetGroupSet { get; init; }
    public string? TargetGroup { get; init; }
    public string? JobCentre { get; init; }
    public int? Year { get; init; }
}

public sealed record ServiceGoalConfig(string Key, Dictionary<string, string> Names, double WithinHours, double TargetShare)
{
    public Dictionary<string, string> Descriptions { get; init; } = [];
    public bool Published { get; init; }

    /// <summary>The kind of event in the imported event logs the goal is measured on.</summary>
    public string Kind { get; init; } = "henvendelse";
}
