using Borgerpuls.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Shared;

/// <summary>A key for something created on a page, made from its name ("Samtalen 2026" → <c>samtalen-2026</c>, then
/// <c>-2</c>, <c>-3</c> … when taken). Keys are what <c>config export</c>, the API and web links show.</summary>
public static class FreeKey
{
    /// <summary>The first free key in that order; null when a key before it is held by the same thing (<paramref name="sameAs"/>:
    /// same name, same questionnaire) — the same form sent twice at once, whose other copy got there first. Skipping that key
    /// would store the thing twice under two keys; the unique key index catches the copies that arrive together.</summary>
    public static async Task<string?> FromNameAsync(IQueryable<string> keys, string name, string fallback, Func<string, Task<bool>> sameAs, CancellationToken ct)
    {
        var stem = Importer.Slug(name) is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, 56)] : fallback;
        var taken = (await keys.Where(k => k.StartsWith(stem)).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var key in Enumerable.Range(1, int.MaxValue).Select(n => n == 1 ? stem : $"{stem}-{n}"))
        {
            if (!taken.Contains(key)) return key;
            if (await sameAs(key)) return null;
        }
        throw new InvalidOperationException("unreachable");
    }
}
