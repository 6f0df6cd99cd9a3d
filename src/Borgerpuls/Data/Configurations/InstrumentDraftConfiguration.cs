using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class InstrumentDraftConfiguration : IEntityTypeConfiguration<InstrumentDraft>
{
    public void Configure(EntityTypeBuilder<InstrumentDraft> b)
    {
        b.HasIndex(x => x.InstrumentKey).IsUnique();
        b.Property(x => x.InstrumentKey).HasMaxLength(64);
        b.Property(x => x.Json).HasMaxLength(InstrumentDraft.MaxJson);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
