using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Aggregates;

/// <summary>How many visible comments of one context cell and month carry a theme; <see cref="Theme"/> "" counts all of the
/// cell's visible comments, the denominator of the shares. The cells are those of the main cube (job centre, site, unit,
/// target group, channel), which are also the dimensions a comment carries, so theme counts cost what results cost.</summary>
public sealed class ThemeCell
{
    public long Id { get; set; }
    public int InstrumentId { get; set; }
    public int Month { get; set; }
    public int JobCentreId { get; set; }
    public int SiteId { get; set; }
    public int UnitId { get; set; }
    public int TargetGroupId { get; set; }
    public string Channel { get; set; } = "";
    public string Theme { get; set; } = "";
    public long Comments { get; set; }
}

/// <summary>The stored theme lexicon: what every process classifies comments with, and what the stored themes were derived
/// from. One row; the web app writes what its configuration says and re-derives the stored themes when that changes.</summary>
public sealed class ThemeLexiconState
{
    public int Id { get; set; }

    /// <summary>The definitions as JSON; empty until the themes were first derived.</summary>
    public string Definitions { get; set; } = "";
}

internal sealed class ThemeCellConfiguration : IEntityTypeConfiguration<ThemeCell>
{
    public void Configure(EntityTypeBuilder<ThemeCell> b)
    {
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Theme).HasMaxLength(64);
        b.HasIndex(x => new { x.InstrumentId, x.Month, x.JobCentreId, x.SiteId, x.UnitId, x.TargetGroupId, x.Channel, x.Theme })
            .IsUnique().HasDatabaseName("UX_ThemeCells_Key");
    }
}

internal sealed class ThemeLexiconStateConfiguration : IEntityTypeConfiguration<ThemeLexiconState>
{
    public void Configure(EntityTypeBuilder<ThemeLexiconState> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Definitions).HasMaxLength(200_000);
        b.HasData(new ThemeLexiconState { Id = 1, Definitions = "" });
    }
}
