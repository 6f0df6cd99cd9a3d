using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Borgerpuls.Features.Configuration;

/// <summary>A version's identity: its questions in canonical JSON (plus the core version it extends). Same hash, same version.</summary>
internal static class InstrumentHash
{
    public static string Of(InstrumentConfig config, int? extendsVersionId)
    {
        // Texts in key order, so that the same content written in another order is the same version.
        var questions = config.Questions.Select(q => q with { Texts = q.Texts.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary() });
        var canonical = JsonSerializer.Serialize(new { config.Kind, extendsVersionId, questions }, ConfigJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
