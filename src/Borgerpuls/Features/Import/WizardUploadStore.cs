using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Import;

/// <summary>The import wizard's uploads, kept in the database between its steps — the next step may reach another instance
/// behind the load balancer — and cached as a local file by each instance that reads one (the importer streams a file twice).
/// Only the person who uploaded a file can go on with it; a finished import deletes it; an abandoned one is deleted a day
/// later, at the next upload. See ADR 0019.</summary>
public sealed class WizardUploadStore(BorgerpulsDb db, TimeProvider clock)
{
    public const int ChunkBytes = 1024 * 1024;
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>Stores the file and returns its id for the next step and the local file for this one.</summary>
    public async Task<(string Id, string Path)> SaveAsync(IFormFile file, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await DeleteOlderThanAsync(db, now - KeptFor, ct);
        var path = await UploadStore.SaveAsync(file, ct);
        var upload = new WizardUpload { Id = Guid.NewGuid(), Owner = owner, Extension = Path.GetExtension(path), Length = new FileInfo(path).Length, UploadedAt = now };
        db.WizardUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        db.Entry(upload).State = EntityState.Detached;
        // A chunk per short transaction: a 200 MB file must not hold SQLite's one write lock while kiosks' answers wait.
        await using (var stream = File.OpenRead(path))
        {
            var buffer = new byte[ChunkBytes];
            for (var sequence = 0; ; sequence++)
            {
                var read = await stream.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                var chunk = new WizardUploadChunk { UploadId = upload.Id, Sequence = sequence, Data = buffer[..read] };
                db.WizardUploadChunks.Add(chunk);
                await db.SaveChangesAsync(ct);
                db.Entry(chunk).State = EntityState.Detached;
            }
        }
        await db.WizardUploads.Where(u => u.Id == upload.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Complete, true), ct);
        var local = LocalPath(upload.Id, upload.Extension);
        File.Move(path, local, overwrite: true);
        return (upload.Id.ToString("N"), local);
    }

    /// <summary>The local file of an upload of <paramref name="owner"/>'s, fetched from the database when this instance has
    /// none; null when the id is not an upload of theirs (mistyped, someone else's, finished, or older than a day).</summary>
    public async Task<string?> FindAsync(string? id, string owner, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "N", out var key)) return null;
        var upload = await db.WizardUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == key && u.Complete, ct);
        if (upload is null || upload.Owner != owner || upload.UploadedAt < clock.GetUtcNow().UtcDateTime - KeptFor) return null;
        var local = LocalPath(key, upload.Extension);
        if (File.Exists(local) && new FileInfo(local).Length == upload.Length) return local;
        System.IO.Directory.CreateDirectory(UploadStore.Directory);
        var partial = $"{local}.{Guid.NewGuid():N}.part";
        await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            var chunks = db.WizardUploadChunks.AsNoTracking().Where(c => c.UploadId == key).OrderBy(c => c.Sequence).Select(c => c.Data);
            await foreach (var data in chunks.AsAsyncEnumerable().WithCancellation(ct))
            {
                await target.WriteAsync(data, ct);
            }
        }
        File.Move(partial, local, overwrite: true);
        return local;
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "N", out var key)) return;
        var extension = await db.WizardUploads.Where(u => u.Id == key).Select(u => u.Extension).SingleOrDefaultAsync(ct);
        await db.WizardUploadChunks.Where(c => c.UploadId == key).ExecuteDeleteAsync(ct);
        await db.WizardUploads.Where(u => u.Id == key).ExecuteDeleteAsync(ct);
        if (extension is not null) UploadStore.Delete(LocalPath(key, extension));
    }

    public static async Task<int> DeleteOlderThanAsync(BorgerpulsDb db, DateTime before, CancellationToken ct)
    {
        await db.WizardUploadChunks.Where(c => db.WizardUploads.Any(u => u.Id == c.UploadId && u.UploadedAt < before)).ExecuteDeleteAsync(ct);
        return await db.WizardUploads.Where(u => u.UploadedAt < before).ExecuteDeleteAsync(ct);
    }

    private static string LocalPath(Guid id, string extension) => Path.Combine(UploadStore.Directory, id.ToString("N") + extension);
}
