using Borgerpuls.Domain;

namespace Borgerpuls.Analysis;

/// <summary>How many answers chose one option, with the option's value and polarity.</summary>
public readonly record struct OptionTally(Polarity Polarity, double? Value, long Count);
