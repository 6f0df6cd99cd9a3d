namespace Borgerpuls.Domain;

/// <summary>An ordered list of answer options. Scales referenced by a published instrument version are immutable.</summary>
public sealed class Scale
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public LocalizedText Names { get; set; } = [];
    public List<ScaleOption> Options { get; set; } = [];
}

public sealed class ScaleOption
{
    public int Id { get; set; }
    public int ScaleId { get; set; }
    public int Position { get; set; }
    public required string Code { get; set; }
    public LocalizedText Labels { get; set; } = [];

    /// <summary>Numeric value used for means; null for options without one (e.g. "ved ikke").</summary>
    public double? Value { get; set; }
    public Polarity Polarity { get; set; }
}
