using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Aggregates;

/// <summary>A bulk load (an import, demo data) that writes responses in many transactions but their aggregates only in its
/// last one. The row is inserted before the first batch and deleted in the transaction that writes the aggregates. While
/// the load runs its owner refreshes <see cref="HeartbeatAt"/>; a marker whose owner is gone (<see cref="LoadOwner"/>)
/// belongs to an interrupted load and makes the next start rebuild the aggregates (<see cref="AggregateDeferrals.RepairAsync"/>).</summary>
public sealed class AggregateDeferral
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Host, process id and process start of the load (<see cref="LoadOwner.Current"/>); empty for markers written
    /// before owners were recorded, which count as dead.</summary>
    public string Owner { get; set; } = "";

    public DateTime HeartbeatAt { get; set; }

    /// <summary>Set by a rebuild that ran while the load was alive: the rebuild counted the batches committed so far, so the
    /// load's own sums would count them twice. The load then rebuilds instead of adding its sums.</summary>
    public bool Superseded { get; set; }
}

internal sealed class AggregateDeferralConfiguration : IEntityTypeConfiguration<AggregateDeferral>
{
    public void Configure(EntityTypeBuilder<AggregateDeferral> b)
    {
        b.ToTable("AggregateDeferrals");
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.Owner).HasMaxLength(200);
    }
}
