using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Borgerpuls.Domain;

/// <summary>The content identity of a response: a client retry with the same UUID and this hash is the same response;
/// the same UUID with another hash is a conflict (SPEC §6).</summary>
public static class ResponseHash
{
    public static string Of(Response r, IEnumerable<string> commentTexts)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            r.InstrumentId, r.Channel, r.JobCentreId, r.SiteId, r.UnitId, r.OfferId, r.TargetGroupId, r.MeetingType, r.Language,
            Background = r.Background.OrderBy(kv => kv.Key, StringComparer.Ordinal),
            Answers = r.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal),
            Comments = commentTexts,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
