using System.Buffers;
using System.Text;

namespace Borgerpuls.Security.Input;

/// <summary>The one rule for text a person or a client sends: no control characters but line breaks and tabs, and no broken
/// surrogate pair. PostgreSQL refuses a NUL in any text, even as a query parameter (a lookup by key failed with "invalid byte
/// sequence for encoding UTF8" and a 500); SQLite stores it and C code reading the text stops there. Neither belongs in
/// anything typed.</summary>
public static class CleanText
{
    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var used) != OperationStatus.Done) return false;
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t')) return false;
            i += used;
        }
        return true;
    }
}
