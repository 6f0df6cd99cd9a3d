using Borgerpuls.Domain;

namespace Borgerpuls.Data.Aggregates;

/// <summary>What a write adds to the denominator cells. The incremental writers and the rebuild use the same methods, so the
/// two cannot drift apart.</summary>
public sealed class DenominatorDelta
{
    public Dictionary<DenominatorKey, DenominatorCounts> Cells { get; } = [];

    public bool IsEmpty => Cells.Count == 0;

    public void Add(DenominatorKey key, DenominatorCounts counts) => Cells[key] = Cells.GetValueOrDefault(key) + counts;

    /// <summary>An invitation as stored: issued, and used if it was.</summary>
    public void Issued(Invitation invitation) => Add(DenominatorKey.Of(invitation), new(1, 0, invitation.Used ? 1 : 0));

    /// <summary>An invitation answered after it was counted as issued.</summary>
    public void Used(Invitation invitation) => Add(DenominatorKey.Of(invitation), new(0, 0, 1));

    public void Declined(DeclinedHandOver declined) => Add(DenominatorKey.Of(declined), new(0, 1, 0));

    public void HandedOut(PaperDistribution paper) => Add(DenominatorKey.Of(paper), new(paper.Count, 0, 0));
}
