using System.Collections.Concurrent;
using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Transparency;

/// <summary>A published snapshot as the public page shows it.</summary>
public sealed record PublishedSnapshot(int Id, DateTime PublishedAt, TransparencyContent Content);

/// <summary>The published snapshots of a scope, for the public page. A snapshot never changes once published, so its
/// figures are read and parsed once and kept in memory by id; a view asks the database only which ids are live.</summary>
public sealed class PublicSnapshots
{
    private readonly ConcurrentDictionary<int, TransparencyContent> _contents = new();

    /// <summary>Per questionnaire the most recently published snapshot of the scope that is not withdrawn.</summary>
    public async Task<IReadOnlyList<PublishedSnapshot>> LiveAsync(BorgerpulsDb db, string scope, CancellationToken ct)
    {
        // The newest publication of each questionnaire, unless it was withdrawn: withdrawing it does not bring back the one it
        // replaced, which the analyst no longer chose to show.
        var rows = await db.TransparencySnapshots.AsNoTracking().Where(s => s.ScopeKey == scope)
            .Select(s => new { s.Id, s.InstrumentKey, s.PublishedAt, s.WithdrawnAt }).ToListAsync(ct);
        var latest = rows.GroupBy(r => r.InstrumentKey).Select(g => g.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).First())
            .Where(r => r.WithdrawnAt is null).OrderBy(r => r.InstrumentKey, StringComparer.Ordinal).ToList();
        var shown = new List<PublishedSnapshot>();
        foreach (var row in latest)
        {
            if (!_contents.TryGetValue(row.Id, out var content))
            {
                var json = await db.TransparencySnapshots.Where(s => s.Id == row.Id).Select(s => s.Content).SingleAsync(ct);
                content = _contents.GetOrAdd(row.Id, Read(json));
            }
            shown.Add(new PublishedSnapshot(row.Id, row.PublishedAt, content));
        }
        return shown;
    }

    public static TransparencyContent Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<TransparencyContent>(json, JsonOptions) ?? throw new InvalidOperationException("Empty transparency snapshot");

    public static string Write(TransparencyContent content) => System.Text.Json.JsonSerializer.Serialize(content, JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);
}
