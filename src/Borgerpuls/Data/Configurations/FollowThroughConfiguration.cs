using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class InsightConfiguration : IEntityTypeConfiguration<Insight>
{
    public void Configure(EntityTypeBuilder<Insight> b)
    {
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.Themes).HasJsonConversion().HasMaxLength(2000);
        b.Property(x => x.Quotes).HasJsonConversion().HasMaxLength(20000);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TargetGroupSet>().WithMany().HasForeignKey(x => x.TargetGroupSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TargetGroup>().WithMany().HasForeignKey(x => x.TargetGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.ToTable("Actions");
        b.Property(x => x.Description).HasMaxLength(8000);
        b.Property(x => x.QuestionKeys).HasJsonConversion().HasMaxLength(2000);
        b.Property(x => x.Themes).HasJsonConversion().HasMaxLength(2000);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceGoalConfiguration : IEntityTypeConfiguration<ServiceGoal>
{
    public void Configure(EntityTypeBuilder<ServiceGoal> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Names).HasJsonConversion().HasMaxLength(4000);
        b.Property(x => x.Descriptions).HasJsonConversion().HasMaxLength(8000);
        b.Property(x => x.Kind).HasMaxLength(ServiceEvent.MaxKind);
    }
}

internal sealed class ServiceEventConfiguration : IEntityTypeConfiguration<ServiceEvent>
{
    public void Configure(EntityTypeBuilder<ServiceEvent> b)
    {
        // One event per id and job centre: a re-imported or overlapping log finds its events again instead of adding them.
        b.HasIndex(x => new { x.JobCentreId, x.EventKey }).IsUnique();
        b.HasIndex(x => new { x.Kind, x.ReceivedAt });
        b.Property(x => x.EventKey).HasMaxLength(ServiceEvent.MaxEventKey);
        b.Property(x => x.Kind).HasMaxLength(ServiceEvent.MaxKind);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpRequestConfiguration : IEntityTypeConfiguration<FollowUpRequest>
{
    public void Configure(EntityTypeBuilder<FollowUpRequest> b)
    {
        // The id is the offer page's random token, never generated here (no counter to give the requests an order).
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.HandledBy).HasMaxLength(320);
        b.Property(x => x.HandlingNote).HasMaxLength(4000);
        b.HasIndex(x => new { x.JobCentreId, x.Status });
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Details).HasMaxLength(8000);
        b.HasIndex(x => x.At);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<Borgerpuls.Security.PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<Borgerpuls.Security.PersonalAccessToken> b)
    {
        b.ToTable("AccessTokens");
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Scopes).HasJsonConversion().HasMaxLength(1000);
        b.HasOne<Borgerpuls.Security.StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransparencySnapshotConfiguration : IEntityTypeConfiguration<TransparencySnapshot>
{
    public void Configure(EntityTypeBuilder<TransparencySnapshot> b)
    {
        b.HasIndex(x => x.PublishKey).IsUnique();
        b.HasIndex(x => new { x.ScopeKey, x.WithdrawnAt });
        b.Property(x => x.ScopeKey).HasMaxLength(100);
        b.Property(x => x.InstrumentKey).HasMaxLength(100);
        b.Property(x => x.PublishedBy).HasMaxLength(320);
        // The figures of every question, group, target and action in every language they are named in.
        b.Property(x => x.Content).HasMaxLength(1_000_000);
        b.Property(x => x.WithdrawnBy).HasMaxLength(320);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}
