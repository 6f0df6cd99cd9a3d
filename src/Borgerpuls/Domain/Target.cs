namespace Borgerpuls.Domain;

public enum TargetMetric
{
    Positive,
    Negative,
    Mean,
}

public enum TargetAggregation
{
    /// <summary>Average of the questions' shares, each question weighing the same (seed 004's figures).</summary>
    MeanOfQuestions,

    /// <summary>Σ positive / Σ base over all questions.</summary>
    Pooled,

    /// <summary>One question, named by <see cref="Target.QuestionKey"/>.</summary>
    Question,
}

public enum TargetDirection
{
    AtLeast,
    AtMost,
}

/// <summary>A political target (måltal), e.g. "udsatte, 2025, vive-7: at least 68 % positive on average over the questions".</summary>
public sealed class Target
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public int? TargetGroupSetId { get; set; }
    public int? TargetGroupId { get; set; }
    public int? JobCentreId { get; set; }
    public int? Year { get; set; }
    public TargetMetric Metric { get; set; }
    public TargetAggregation Aggregation { get; set; }
    public string? QuestionKey { get; set; }
    public TargetDirection Direction { get; set; }

    /// <summary>A share as a fraction 0–1, or a mean on the scale's values.</summary>
    public double Threshold { get; set; }
}
