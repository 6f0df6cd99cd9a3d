using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Features.Import;

/// <summary>A mapping saved from the import wizard under a name, for one instrument, so that next year's file from the same
/// supplier imports without mapping it again. <see cref="Json"/> is the mapping file format (docs/import.md).</summary>
public sealed class SavedMapping
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string InstrumentKey { get; set; }
    public required string Json { get; set; }
    public DateTime SavedAt { get; set; }
    public required string SavedBy { get; set; }
}

internal sealed class SavedMappingConfiguration : IEntityTypeConfiguration<SavedMapping>
{
    public void Configure(EntityTypeBuilder<SavedMapping> b)
    {
        b.ToTable("SavedMappings");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.InstrumentKey).HasMaxLength(64);
        b.Property(x => x.Json).HasMaxLength(100_000);
        b.HasIndex(x => new { x.InstrumentKey, x.Name }).IsUnique();
    }
}
