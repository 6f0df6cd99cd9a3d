using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b) => b.HasIndex(x => x.Key).IsUnique();
}

internal sealed class JobCentreConfiguration : IEntityTypeConfiguration<JobCentre>
{
    public void Configure(EntityTypeBuilder<JobCentre> b)
    {
        b.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
        b.HasMany(x => x.Sites).WithOne(x => x.JobCentre).HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        // Site and unit keys are unique in the whole municipality, so a device or an import row can name a site by key alone.
        b.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Units).WithOne(x => x.Site).HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
