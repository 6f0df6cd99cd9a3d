using System.Security.Cryptography;
using System.Text;

namespace Borgerpuls.Features.Import;

/// <summary>Response ids for imported respondents: the same instrument and respondent id always give the same response id in
/// one deployment, so re-importing a file never duplicates, and the id reveals neither time nor source. Keyed with the
/// deployment's secret (<see cref="Security.DeploymentKey"/>): a vendor's respondent id may be a CPR or case number, and an
/// unkeyed id of it could be found again by trying every candidate.</summary>
public static class NameBasedId
{
    private static readonly Guid Namespace = new("7a2d8c1e-4b61-5f0e-9c3a-b0c9e5f1d2a4");

    /// <summary>A version-8 UUID: HMAC-SHA256 with the key over the legacy id, so a response imported by an earlier version
    /// (whose id is that legacy id) gets the same id as a re-import of its row, without the respondent id.</summary>
    public static Guid For(byte[] key, string instrument, string respondentId) => Keyed(key, Legacy(instrument, respondentId));

    public static Guid Keyed(byte[] key, Guid legacy)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, legacy.ToByteArray(bigEndian: true), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The unkeyed RFC 4122 version-5 id earlier versions stored; only ever an input to <see cref="Keyed"/>.</summary>
    public static Guid Legacy(string instrument, string respondentId)
    {
        var name = Encoding.UTF8.GetBytes(instrument + "/" + respondentId);
        var space = Namespace.ToByteArray(bigEndian: true);
        // RFC 4122 prescribes SHA-1 for version 5; it names, the HMAC above protects.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. space, .. name]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
