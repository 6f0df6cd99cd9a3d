using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.TargetGroupKeys).HasJsonConversion().HasMaxLength(4000);
        b.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(200);
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TargetGroup>().WithMany().HasForeignKey(x => x.TargetGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationTallyConfiguration : IEntityTypeConfiguration<InvitationTally>
{
    public void Configure(EntityTypeBuilder<InvitationTally> b)
    {
        b.HasKey(x => new { x.Day, x.Actor, x.JobCentreId, x.InstrumentId });
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Answers).HasJsonConversion().HasMaxLength(20000);
        b.Property(x => x.Background).HasJsonConversion().HasMaxLength(4000);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.MeetingType).HasMaxLength(64);
        b.HasIndex(x => new { x.InstrumentId, x.SubmittedHour });
        b.HasIndex(x => x.CampaignId);
        b.HasOne<InstrumentVersion>().WithMany().HasForeignKey(x => x.InstrumentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Offer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TargetGroup>().WithMany().HasForeignKey(x => x.TargetGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Themes).HasJsonConversion().HasMaxLength(2000);
        b.HasIndex(x => x.PublicId).IsUnique();
        b.HasIndex(x => new { x.InstrumentId, x.SubmittedHour });
        b.HasOne<Response>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeclinedHandOverConfiguration : IEntityTypeConfiguration<DeclinedHandOver>
{
    public void Configure(EntityTypeBuilder<DeclinedHandOver> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.MeetingType).HasMaxLength(64);
        b.HasIndex(x => new { x.InstrumentId, x.Hour });
        b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TargetGroup>().WithMany().HasForeignKey(x => x.TargetGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperDistributionConfiguration : IEntityTypeConfiguration<PaperDistribution>
{
    public void Configure(EntityTypeBuilder<PaperDistribution> b)
    {
        b.HasIndex(x => new { x.InstrumentId, x.Month });
        b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TargetGroup>().WithMany().HasForeignKey(x => x.TargetGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
