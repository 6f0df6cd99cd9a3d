namespace Borgerpuls.Features.Import;

/// <summary>Uploaded files on local disk while one request checks and writes them (the importer streams a file twice); the
/// wizard, whose steps span requests and instances, keeps its files in the database (<see cref="WizardUploadStore"/>). The
/// name is random; only the extension of the uploaded name is kept, since it decides the format.</summary>
internal static class UploadStore
{
    public static string Directory => Path.Combine(Path.GetTempPath(), "borgerpuls-uploads");

    public static async Task<string> SaveAsync(IFormFile file, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension.Length > 6 || extension.Skip(1).Any(c => !char.IsAsciiLetterOrDigit(c))) extension = ".bin";
        var path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + extension);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await file.CopyToAsync(target, ct);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless; the temp directory is cleaned by the system.
        }
    }
}
