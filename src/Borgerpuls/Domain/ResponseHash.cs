using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Borgerpuls.Domain;

/// <summary>The content identity of a response: a client retry with the same UUID and this hash is the same response;
/// the same UUID with another hash is a conflict (SPEC §6).</summary>
/// <remarks>The hash covers only what is stored: the copied context, the answers and the comments <em>after</em> redaction,
/// so it is a function of the row and its comments and tells a database reader nothing the row does not (a hash over the text
/// before redaction let a CPR number be recovered by trying every date and serial). A retry that differs only inside a
/// redacted part (another phone number) is therefore the same response, which is harmless. Its hashes start with
/// <see cref="Prefix"/>, a letter no hex digest starts with, so that hashes an earlier version stored over the unredacted text
/// can be found and replaced (<c>StoredContentUpgrade</c>).</remarks>
public static class ResponseHash
{
    public const char Prefix = 'r';

    /// <summary>The hash of a response and its stored (redacted) comments, in any order.</summary>
    public static string Of(Response r, IEnumerable<Comment> storedComments) =>
        Of(r, storedComments.Select(c => (c.QuestionKey, c.Text)));

    public static string Of(Response r, IEnumerable<(string Key, string RedactedText)> storedComments)
    {
        var comments = storedComments.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + ":" + c.RedactedText);
        // Same width as before (64 characters, the column's length): the prefix and 252 bits of SHA-256.
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Canonical(r, comments)))[..63];
    }

    /// <summary>Whether a stored hash was computed by an earlier version over the text before redaction.</summary>
    public static bool IsLegacy(string storedHash) => storedHash.Length > 0 && storedHash[0] != Prefix;

    /// <summary>The hash an earlier version stored: over the comments before redaction, in the order sent. Computed only to
    /// recognise a retry of a response stored before the upgrade that has not been rehashed yet; never stored.</summary>
    public static string Legacy(Response r, IEnumerable<string> commentTexts) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(r, commentTexts)));

    private static byte[] Canonical(Response r, IEnumerable<string> comments) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        r.InstrumentId, r.Channel, r.JobCentreId, r.SiteId, r.UnitId, r.OfferId, r.TargetGroupId, r.MeetingType, r.Language,
        Background = r.Background.OrderBy(kv => kv.Key, StringComparer.Ordinal),
        Answers = r.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal),
        Comments = comments,
    }));
}
