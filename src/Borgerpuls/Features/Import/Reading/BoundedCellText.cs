using System.Globalization;
using System.Text;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>The text of one XLSX cell or shared string, collected chunk by chunk as the XML reader delivers it. At most
/// <c>max</c> characters are kept: beyond that the text is only counted, so a cell of a billion characters costs a
/// count, not a string. One instance is reused for every cell.
/// Excel stores characters XML cannot carry, notably the carriage return of a pasted "\r\n", as "_xHHHH_" (ECMA-376
/// ST_Xstring), and a literal "_x" as "_x005F_x". Those are decoded on the way, also across chunk boundaries, so the
/// cell reads as typed and the limit applies to the text as typed.</summary>
internal sealed class BoundedCellText(int max)
{
    private readonly StringBuilder kept = new();
    private readonly char[] pending = new char[6];
    private int pendingLength;
    private bool unescape;

    /// <summary>Characters of the whole text, kept or not.</summary>
    public long Length { get; private set; }

    /// <summary>The text is longer than the limit; <see cref="Text"/> is then only its beginning.</summary>
    public bool TooLong => Length > max;

    /// <summary>Whether any character is not white space (blank cells are skipped, so a long blank one is harmless).</summary>
    public bool HasContent { get; private set; }

    public void Start(bool decodeEscapes)
    {
        kept.Clear();
        pendingLength = 0;
        Length = 0;
        HasContent = false;
        unescape = decodeEscapes;
    }

    public void Append(ReadOnlySpan<char> raw)
    {
        if (!unescape)
        {
            Emit(raw);
            return;
        }
        while (!raw.IsEmpty)
        {
            if (pendingLength == 0)
            {
                // Fast path: everything up to the next underscore is plain text.
                var underscore = raw.IndexOf('_');
                if (underscore < 0)
                {
                    Emit(raw);
                    return;
                }
                Emit(raw[..underscore]);
                pending[pendingLength++] = '_';
                raw = raw[(underscore + 1)..];
                continue;
            }
            var c = raw[0];
            if (Continues(c))
            {
                raw = raw[1..];
                if (pendingLength == 6)
                {
                    // "_xHHHH" followed by "_": one escaped character.
                    var code = ushort.Parse(pending.AsSpan(2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    pendingLength = 0;
                    Emit([(char)code]);
                }
                else
                {
                    pending[pendingLength++] = c;
                }
            }
            else
            {
                // Not an escape after all: what was held back is plain text, and c is looked at afresh (it may be the
                // "_" that starts a real escape). Only pending[0] is an underscore, so no escape starts inside it.
                FlushPending();
            }
        }
    }

    /// <summary>Call at the end of the text: an incomplete escape at the very end is plain text.</summary>
    public void End() => FlushPending();

    /// <summary>The kept text (complete unless <see cref="TooLong"/>).</summary>
    public string Text() => kept.ToString();

    private bool Continues(char c) => pendingLength switch
    {
        1 => c == 'x',
        6 => c == '_',
        _ => char.IsAsciiHexDigit(c),
    };

    private void FlushPending()
    {
        if (pendingLength == 0) return;
        var held = pendingLength;
        pendingLength = 0;
        Emit(pending.AsSpan(0, held));
    }

    private void Emit(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        Length += text.Length;
        if (!HasContent && !text.IsWhiteSpace()) HasContent = true;
        var room = max - kept.Length;
        if (room > 0) kept.Append(text[..Math.Min(room, text.Length)]);
    }
}
