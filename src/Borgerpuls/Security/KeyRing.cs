using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Borgerpuls.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Borgerpuls.Security;

/// <summary>The Data Protection key ring — the keys behind sign-in cookies and antiforgery tokens — kept in the database
/// (table <c>DataProtectionKeys</c>), so that every instance on one database accepts what another issued: a request that a
/// load balancer sends elsewhere keeps its sign-in and its form. The application name is fixed, not derived from the folder
/// the executable runs in, so two installations in different folders protect alike.
/// <para>Each key is stored encrypted with the deployment key (<see cref="DeploymentKey"/>, a file outside the database):
/// a copy of the database alone cannot forge a sign-in cookie.</para></summary>
internal static class KeyRing
{
    public const string ApplicationName = "Borgerpuls";

    public static IServiceCollection AddKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<BorgerpulsDb>();
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseSetup.Target>((o, target) => o.XmlEncryptor = new KeyRingEncryptor(target));
        return services;
    }

    /// <summary>AES-GCM key for the key ring, derived from the deployment key so that the deployment key itself is used for
    /// nothing but derivation.</summary>
    internal static byte[] KeyFor(DatabaseSetup.Target target) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, DeploymentKey.For(target), 32, info: "Borgerpuls data protection key ring"u8.ToArray());

    internal const int NonceBytes = 12;
    internal const int TagBytes = 16;
}

/// <summary>Encrypts a new key's XML before it is stored.</summary>
internal sealed class KeyRingEncryptor(DatabaseSetup.Target target) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[KeyRing.NonceBytes + KeyRing.TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, KeyRing.NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(KeyRing.KeyFor(target), KeyRing.TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(KeyRing.NonceBytes + KeyRing.TagBytes), sealedBytes.AsSpan(KeyRing.NonceBytes, KeyRing.TagBytes));
        }
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the deployment key (borgerpuls.key); AES-256-GCM, nonce | tag | ciphertext "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Decrypts a stored key. Its type name is written into every stored key, so it keeps this name and namespace;
/// Data Protection creates it with the service provider.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("A stored key has no value."));
        var target = services.GetRequiredService<DatabaseSetup.Target>();
        var cipher = sealedBytes.AsSpan(KeyRing.NonceBytes + KeyRing.TagBytes);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(KeyRing.KeyFor(target), KeyRing.TagBytes))
        {
            // A different deployment key fails here: the key is skipped, and signed-in people sign in again.
            aes.Decrypt(sealedBytes.AsSpan(0, KeyRing.NonceBytes), cipher, sealedBytes.AsSpan(KeyRing.NonceBytes, KeyRing.TagBytes), plain);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
