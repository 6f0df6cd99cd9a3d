using System.Text;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>CSV bytes in the encodings Danish job centres actually send.</summary>
internal static class TestText
{
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static byte[] Utf8WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Utf8(text)];

    public static byte[] Ansi(string text) => Windows1252.GetBytes(text);
}
