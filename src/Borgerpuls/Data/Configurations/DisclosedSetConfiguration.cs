using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class DisclosedSetConfiguration : IEntityTypeConfiguration<DisclosedSet>
{
    public void Configure(EntityTypeBuilder<DisclosedSet> b)
    {
        b.ToTable("DisclosedSets");
        b.Property(x => x.User).HasMaxLength(256);
        b.Property(x => x.Fingerprint).HasMaxLength(64);
        b.Property(x => x.Definition).HasMaxLength(64);
        b.HasIndex(x => new { x.User, x.InstrumentId, x.Fingerprint }).IsUnique();
        b.HasIndex(x => new { x.User, x.At });
    }
}
