using Borgerpuls.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data.Configurations;

internal sealed class WizardUploadConfiguration : IEntityTypeConfiguration<WizardUpload>
{
    public void Configure(EntityTypeBuilder<WizardUpload> b)
    {
        b.ToTable("WizardUploads");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Owner).HasMaxLength(256);
        b.Property(x => x.Extension).HasMaxLength(8);
        b.HasIndex(x => x.UploadedAt);
    }
}

internal sealed class WizardUploadChunkConfiguration : IEntityTypeConfiguration<WizardUploadChunk>
{
    public void Configure(EntityTypeBuilder<WizardUploadChunk> b)
    {
        b.ToTable("WizardUploadChunks");
        b.HasKey(x => new { x.UploadId, x.Sequence });
        b.HasOne<WizardUpload>().WithMany().HasForeignKey(x => x.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
