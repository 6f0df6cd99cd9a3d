namespace Borgerpuls.Domain;

/// <summary>Which end of a scale an option belongs to (SPEC §3). <c>Excluded</c> options ("ved ikke") are counted but not in the base;
/// <c>None</c> marks categorical options of choice questions, which have no direction.</summary>
public enum Polarity
{
    Positive,
    Neutral,
    Negative,
    Excluded,
    None,
}
