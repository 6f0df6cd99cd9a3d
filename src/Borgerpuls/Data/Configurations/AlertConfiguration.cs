using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Recipients).HasJsonConversion().HasMaxLength(4000);
    }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> b)
    {
        b.HasOne<AlertRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Cascade);
        // One open alert per rule and subject, whatever runs at the same time.
        b.HasIndex(x => new { x.RuleId, x.Subject }).IsUnique().HasFilter("\"ClearedAt\" IS NULL");
    }
}

internal sealed class AlertMailConfiguration : IEntityTypeConfiguration<AlertMail>
{
    public void Configure(EntityTypeBuilder<AlertMail> b)
    {
        b.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SentAt, x.DueAt });
        b.Property(x => x.LastError).HasMaxLength(1000);
    }
}
