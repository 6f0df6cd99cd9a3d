using System.Security.Cryptography;
using System.Text;

namespace Borgerpuls.Features.Import;

/// <summary>RFC 4122 version-5 UUIDs: the same instrument and respondent id always give the same response id, so
/// re-importing a file never duplicates, and the id reveals neither time nor source.</summary>
public static class NameBasedId
{
    private static readonly Guid Namespace = new("7a2d8c1e-4b61-5f0e-9c3a-b0c9e5f1d2a4");

    public static Guid For(string instrument, string respondentId)
    {
        var name = Encoding.UTF8.GetBytes(instrument + "/" + respondentId);
        var space = Namespace.ToByteArray(bigEndian: true);
        // RFC 4122 prescribes SHA-1 for version 5; it names, it does not protect.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. space, .. name]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
