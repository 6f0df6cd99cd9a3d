using System.Security.Cryptography;
using System.Text;

namespace Borgerpuls.Security;

/// <summary>Device keys and invitation tokens: 256 random bits shown once; only their SHA-256 is stored, so a stolen
/// database cannot be used to submit as a device or to find which invitation produced which answer.</summary>
public static class SecretKeys
{
    public static string New(int bytes = 32) => Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
