using Borgerpuls.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Shared;

/// <summary>A key for something created on a page, made from its name ("Samtalen 2026" → <c>samtalen-2026</c>, then
/// <c>-2</c>, <c>-3</c> … when taken). Keys are what <c>config export</c>, the API and web links show.</summary>
public static class FreeKey
{
    public static async Task<string> FromNameAsync(IQueryable<string> keys, string name, string fallback, CancellationToken ct)
    {
        var stem = Importer.Slug(name) is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, 56)] : fallback;
        var taken = (await keys.Where(k => k.StartsWith(stem)).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, int.MaxValue).Select(n => n == 1 ? stem : $"{stem}-{n}").First(k => !taken.Contains(k));
    }
}
