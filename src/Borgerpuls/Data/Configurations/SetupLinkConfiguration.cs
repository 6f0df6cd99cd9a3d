using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class SetupLinkConfiguration : IEntityTypeConfiguration<SetupLink>
{
    public void Configure(EntityTypeBuilder<SetupLink> b)
    {
        b.ToTable("SetupLinks");
        // One row per database, always id 1: two instances inserting at once collide on the key, so one link is issued.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
    }
}
