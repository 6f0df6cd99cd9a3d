using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class ScaleConfiguration : IEntityTypeConfiguration<Scale>
{
    public void Configure(EntityTypeBuilder<Scale> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Names).HasJsonConversion().HasMaxLength(4000);
        b.HasMany(x => x.Options).WithOne().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScaleOptionConfiguration : IEntityTypeConfiguration<ScaleOption>
{
    public void Configure(EntityTypeBuilder<ScaleOption> b)
    {
        b.HasIndex(x => new { x.ScaleId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Labels).HasJsonConversion().HasMaxLength(4000);
    }
}

internal sealed class InstrumentEntityConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Names).HasJsonConversion().HasMaxLength(4000);
        b.HasOne(x => x.MirrorOf).WithMany().HasForeignKey(x => x.MirrorOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Extends).WithMany().HasForeignKey(x => x.ExtendsId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne(x => x.Instrument).HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public void Configure(EntityTypeBuilder<InstrumentVersion> b)
    {
        b.HasIndex(x => new { x.InstrumentId, x.Number }).IsUnique();
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.HasOne(x => x.ExtendsVersion).WithMany().HasForeignKey(x => x.ExtendsVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.InstrumentVersionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsPublished);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.HasIndex(x => new { x.InstrumentVersionId, x.Key }).IsUnique();
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Texts).HasJsonConversion().HasMaxLength(8000);
        b.HasOne(x => x.Scale).WithMany().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Restrict);
    }
}
