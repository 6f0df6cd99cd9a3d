namespace Borgerpuls.Features.Import;

/// <summary>A file uploaded to the import wizard, kept in the database between the wizard's steps so that each step may reach
/// any instance behind the load balancer. Its bytes are in <see cref="WizardUploadChunk"/> rows; until
/// <see cref="Complete"/> the upload is still being written and is not used.</summary>
public sealed class WizardUpload
{
    public Guid Id { get; set; }

    /// <summary>The person who uploaded it: nobody else can continue the wizard with it.</summary>
    public required string Owner { get; set; }

    /// <summary>The uploaded name's extension (".csv", ".xlsx" …), which decides the format.</summary>
    public required string Extension { get; set; }

    public long Length { get; set; }
    public DateTime UploadedAt { get; set; }
    public bool Complete { get; set; }
}

public sealed class WizardUploadChunk
{
    public Guid UploadId { get; set; }
    public int Sequence { get; set; }
    public required byte[] Data { get; set; }
}
