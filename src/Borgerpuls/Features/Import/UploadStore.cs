namespace Borgerpuls.Features.Import;

/// <summary>Uploaded import files on disk while they are checked and written (the importer streams the file twice). The
/// name is random; only the extension of the uploaded name is kept, since it decides the format.</summary>
internal static class UploadStore
{
    private static string Directory => Path.Combine(Path.GetTempPath(), "borgerpuls-uploads");

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

    /// <summary>The path of an upload saved earlier in this wizard, or null if the id is not one of ours.</summary>
    public static string? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 40 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '.')) return null;
        var path = Path.Combine(Directory, id);
        return File.Exists(path) ? path : null;
    }

    public static string IdOf(string path) => Path.GetFileName(path);

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
