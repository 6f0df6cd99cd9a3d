using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Data;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Features.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.FollowUp;

/// <summary>When the thank-you page offers "Vil du kontaktes?": after an answer at the negative end of a scale (an option whose
/// <see cref="Polarity"/> is <see cref="Polarity.Negative"/>), the overall question or any other. The kiosk never offers it: it
/// is anonymous and stands in a public room.</summary>
public static class FollowUpOffer
{
    /// <summary>The codes that count as negative, per question; questions without any are left out.</summary>
    public static Dictionary<string, string[]> NegativeCodes(InstrumentDefinition instrument) =>
        instrument.Questions
            .Select(q => (q.Key, Codes: q.Options.Where(o => o.Polarity == Polarity.Negative).Select(o => o.Code).ToArray()))
            .Where(q => q.Codes.Length > 0)
            .ToDictionary(q => q.Key, q => q.Codes, StringComparer.Ordinal);

    /// <summary>Whether any answer (a code or a list of codes, as submitted) is a negative option of its question.</summary>
    public static bool IsNegative(InstrumentDefinition instrument, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var negative = NegativeCodes(instrument);
        foreach (var (key, value) in answers)
        {
            if (!negative.TryGetValue(key, out var codes)) continue;
            IEnumerable<string?> chosen = value.ValueKind switch
            {
                JsonValueKind.String => [value.GetString()],
                JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()),
                _ => [],
            };
            if (chosen.Any(c => c is not null && codes.Contains(c, StringComparer.Ordinal))) return true;
        }
        return false;
    }
}

/// <summary>The offer as a citizen page renders it: where the request goes (known from the channel, never the response),
/// a fresh random token that makes a second send of the same form a no-op, and what was typed and refused, if anything.</summary>
public sealed record FollowUpForm(string CentreKey, string? SiteKey, Guid Token, int RetentionDays)
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Message { get; init; }
    public bool Consent { get; init; }
    public IReadOnlyList<FollowUpError> Errors { get; init; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Key;
}

/// <summary>The job centre and site a web or invitation answer was given for, as the keys the thank-you page's address
/// carries to the offer: what the channel already knew, nothing of the response.</summary>
public static class FollowUpPlace
{
    public static async Task<(string? Centre, string? Site)> OfAsync(BorgerpulsDb db, CollectionPoint point, string? chosenCentre, CancellationToken ct)
    {
        var centre = point.JobCentreId is { } id
            ? await db.JobCentres.Where(j => j.Id == id).Select(j => j.Key).SingleOrDefaultAsync(ct)
            : chosenCentre;
        var site = point.SiteId is { } s
            ? await db.Sites.Where(x => x.Id == s).Select(x => x.Key).SingleOrDefaultAsync(ct)
            : null;
        return (centre, site);
    }
}
