using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Aggregates;

/// <summary>A bulk load (an import) that writes responses in many transactions but their aggregates only in its last one.
/// The row is inserted before the first batch and deleted in the transaction that writes the aggregates; a row that is
/// still there at start-up means a load was interrupted and the aggregates must be rebuilt
/// (<see cref="AggregateDeferrals.RepairAsync"/>).</summary>
public sealed class AggregateDeferral
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public DateTime StartedAt { get; set; }
}

internal sealed class AggregateDeferralConfiguration : IEntityTypeConfiguration<AggregateDeferral>
{
    public void Configure(EntityTypeBuilder<AggregateDeferral> b)
    {
        b.ToTable("AggregateDeferrals");
        b.Property(x => x.Source).HasMaxLength(200);
    }
}
