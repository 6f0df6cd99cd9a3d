namespace Borgerpuls.Security.Redaction;

/// <summary>Redacted text and how many identifiers of each kind were replaced.</summary>
public sealed record RedactionResult(string Text, int Cpr, int Phone, int Email)
{
    public bool Changed => Cpr + Phone + Email > 0 || FailedClosed;

    /// <summary>The patterns timed out, so every digit and every word with an @ was masked instead: nothing identifying is kept,
    /// but the counts are unknown (zero).</summary>
    public bool FailedClosed { get; init; }
}
