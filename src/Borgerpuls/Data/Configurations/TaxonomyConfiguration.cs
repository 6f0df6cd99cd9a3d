using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class TargetGroupConfiguration : IEntityTypeConfiguration<TargetGroup>
{
    public void Configure(EntityTypeBuilder<TargetGroup> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Names).HasJsonConversion().HasMaxLength(4000);
    }
}

internal sealed class TargetGroupSetConfiguration : IEntityTypeConfiguration<TargetGroupSet>
{
    public void Configure(EntityTypeBuilder<TargetGroupSet> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Names).HasJsonConversion().HasMaxLength(4000);
        b.HasMany(x => x.Members).WithMany(x => x.Sets).UsingEntity("TargetGroupSetMembers");
    }
}

internal sealed class BackgroundVariableConfiguration : IEntityTypeConfiguration<BackgroundVariable>
{
    public void Configure(EntityTypeBuilder<BackgroundVariable> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Names).HasJsonConversion().HasMaxLength(4000);
        b.Property(x => x.Options).HasJsonConversion().HasMaxLength(20000);
    }
}
