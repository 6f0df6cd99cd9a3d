using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Aggregates;

internal sealed class AggregateCellConfiguration : IEntityTypeConfiguration<AggregateCell>
{
    public void Configure(EntityTypeBuilder<AggregateCell> b)
    {
        b.Property(x => x.Cube).HasConversion<int>();
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.MeetingType).HasMaxLength(64);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.BackgroundKey).HasMaxLength(64);
        b.Property(x => x.BackgroundCode).HasMaxLength(64);
        b.HasIndex(CellKey.Columns).IsUnique().HasDatabaseName("UX_AggregateCells_Key");
        b.HasIndex(x => x.Generation);
    }
}

internal sealed class AggregateOptionConfiguration : IEntityTypeConfiguration<AggregateOption>
{
    public void Configure(EntityTypeBuilder<AggregateOption> b)
    {
        b.HasKey(x => new { x.CellId, x.QuestionKey, x.OptionCode });
        b.Property(x => x.QuestionKey).HasMaxLength(64);
        b.Property(x => x.OptionCode).HasMaxLength(64);
    }
}

internal sealed class AggregatePairConfiguration : IEntityTypeConfiguration<AggregatePair>
{
    public void Configure(EntityTypeBuilder<AggregatePair> b)
    {
        b.HasKey(x => new { x.CellId, x.QuestionKey });
        b.Property(x => x.QuestionKey).HasMaxLength(64);
    }
}

internal sealed class AggregateStateConfiguration : IEntityTypeConfiguration<AggregateState>
{
    public void Configure(EntityTypeBuilder<AggregateState> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new AggregateState { Id = 1, Generation = 0 }, new AggregateState { Id = DenominatorWriter.StateId, Generation = 0 },
            new AggregateState { Id = AggregateRebuild.StateId, Generation = 0 });
    }
}

internal sealed class DenominatorCellConfiguration : IEntityTypeConfiguration<DenominatorCell>
{
    public void Configure(EntityTypeBuilder<DenominatorCell> b)
    {
        b.HasKey(x => new { x.InstrumentId, x.Month, x.JobCentreId, x.SiteId, x.UnitId, x.TargetGroupId, x.Channel, x.Referral });
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Referral).HasMaxLength(32);
    }
}
