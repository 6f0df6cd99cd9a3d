using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>
/// Decodes a CSV byte stream as UTF-8 (with or without BOM) or Windows-1252, deciding as it goes, in fixed buffers.
/// <para>Why not "sniff the first chunk, then pick": a file may be pure ASCII for its first megabytes and have its first
/// "æ" on line 90 000. ASCII is the same in both encodings, so the decision is taken lazily at the first non-ASCII
/// byte: if the bytes from there to the end of the buffer are well-formed UTF-8 the file is UTF-8, otherwise it is
/// Windows-1252 (what Danish Excel writes as "CSV (semikolonsepareret)"). Windows-1252 text practically never forms
/// valid UTF-8 by accident: "æ" is the lone byte E6, which in UTF-8 must be followed by two continuation bytes.
/// Once UTF-8 is chosen, UTF-8 is strict: a later invalid byte is an error naming its line, never a silent U+FFFD.</para>
/// <para>A UTF-16 BOM (Excel's "Unicode text") is honoured. NUL bytes, a zip signature or an old binary .xls signature
/// are refused with a hint, because such a file is not text at all.</para>
/// </summary>
internal sealed class DetectingTextReader : TextReader
{
    private const int ChunkSize = 64 * 1024;

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly long maxBytes;
    private readonly byte[] bytes = new byte[ChunkSize];
    private int byteStart;
    private int byteEnd;
    private bool endOfStream;
    private bool started;
    private long totalBytes;

    // Physical line (1-based) of bytes[byteStart]; counts "\n" bytes, so it is exact for UTF-8 and Windows-1252.
    private long lineAtByteStart = 1;

    private char[] chars = new char[ChunkSize];
    private int charStart;
    private int charEnd;
    private Decoder? utf16;

    public DetectingTextReader(Stream stream, long maxBytes, bool leaveOpen)
    {
        this.stream = stream;
        this.maxBytes = maxBytes;
        this.leaveOpen = leaveOpen;
    }

    public DetectedEncoding Encoding { get; private set; } = DetectedEncoding.Ascii;

    public string EncodingName => Encoding switch
    {
        DetectedEncoding.Ascii => "ASCII (UTF-8)",
        DetectedEncoding.Utf8 => "UTF-8",
        DetectedEncoding.Utf8WithBom => "UTF-8 (BOM)",
        DetectedEncoding.Windows1252 => "Windows-1252",
        DetectedEncoding.Utf16LittleEndian => "UTF-16 LE",
        _ => "UTF-16 BE",
    };

    /// <summary>The first physical line without consuming it (the CSV parser reads it again), or null for an empty
    /// file. Looks at most <paramref name="maxChars"/> characters ahead.</summary>
    public string? PeekFirstLine(int maxChars)
    {
        while (true)
        {
            var pending = chars.AsSpan(charStart, charEnd - charStart);
            var end = pending.IndexOfAny('\r', '\n');
            if (end >= 0) return new string(pending[..end]);
            if (pending.Length >= maxChars) return new string(pending);
            if (chars.Length - charEnd < 16)
            {
                if (charStart > 0)
                {
                    pending.CopyTo(chars);
                    charEnd -= charStart;
                    charStart = 0;
                }
                else
                {
                    Array.Resize(ref chars, chars.Length * 2);
                }
            }
            if (!Decode()) return pending.IsEmpty ? null : new string(pending);
        }
    }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !EnsureChars()) return 0;
        var count = Math.Min(buffer.Length, charEnd - charStart);
        chars.AsSpan(charStart, count).CopyTo(buffer);
        charStart += count;
        return count;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read() => EnsureChars() ? chars[charStart++] : -1;

    public override int Peek() => EnsureChars() ? chars[charStart] : -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) stream.Dispose();
        base.Dispose(disposing);
    }

    private bool EnsureChars()
    {
        if (charStart < charEnd) return true;
        charStart = charEnd = 0;
        return Decode();
    }

    /// <summary>Decodes some bytes into the free end of the char buffer (which has room for at least a surrogate pair);
    /// false at the end of the stream.</summary>
    private bool Decode()
    {
        if (!started) Start();
        while (true)
        {
            if (byteStart == byteEnd)
            {
                if (endOfStream) return false;
                FillBytes();
                continue;
            }
            var input = bytes.AsSpan(byteStart, byteEnd - byteStart);
            var output = chars.AsSpan(charEnd);
            int consumed;
            int produced;
            switch (Encoding)
            {
                case DetectedEncoding.Ascii:
                    var firstNonAscii = input.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                    if (firstNonAscii == 0)
                    {
                        // Need a whole sequence in view before judging it.
                        if (input.Length < 4 && !endOfStream && FillBytes()) continue;
                        Encoding = Decide(input);
                        continue;
                    }
                    consumed = produced = Math.Min(firstNonAscii < 0 ? input.Length : firstNonAscii, output.Length);
                    RefuseNul(input[..consumed]);
                    System.Text.Encoding.Latin1.GetChars(input[..consumed], output);
                    break;
                case DetectedEncoding.Utf8 or DetectedEncoding.Utf8WithBom:
                    var status = Utf8.ToUtf16(input, output, out consumed, out produced, replaceInvalidSequences: false, isFinalBlock: endOfStream);
                    RefuseNul(input[..consumed]);
                    if (status == OperationStatus.InvalidData)
                    {
                        var line = Line(input[..consumed]);
                        throw new ImportFileException(
                            $"Line {line}: the file is not valid UTF-8 (earlier lines were UTF-8, so it is not Windows-1252 either). Save it again as \"CSV UTF-8\".",
                            $"Linje {line}: filen er ikke gyldig UTF-8 (tidligere linjer var UTF-8, så det er heller ikke Windows-1252). Gem den igen som \"CSV UTF-8\".", line);
                    }
                    if (status == OperationStatus.NeedMoreData && consumed == 0 && FillBytes()) continue;
                    break;
                case DetectedEncoding.Windows1252:
                    consumed = produced = Math.Min(input.Length, output.Length);
                    RefuseNul(input[..consumed]);
                    Windows1252.GetChars(input[..consumed], output);
                    break;
                default:
                    try
                    {
                        utf16!.Convert(input, output, flush: endOfStream, out consumed, out produced, out _);
                    }
                    catch (DecoderFallbackException e)
                    {
                        throw new ImportFileException("The file is not valid UTF-16 text.", "Filen er ikke gyldig UTF-16-tekst.", e);
                    }
                    if (consumed == 0 && produced == 0 && FillBytes()) continue;
                    break;
            }
            if (Encoding is not (DetectedEncoding.Utf16LittleEndian or DetectedEncoding.Utf16BigEndian))
            {
                lineAtByteStart += input[..consumed].Count((byte)'\n');
            }
            byteStart += consumed;
            charEnd += produced;
            if (produced > 0) return true;
            if (consumed == 0 && endOfStream) return false;
        }
    }

    /// <summary>Reads the byte-order mark and refuses files that are plainly not text.</summary>
    private void Start()
    {
        started = true;
        while (byteEnd - byteStart < 4 && !endOfStream) FillBytes();
        var head = bytes.AsSpan(byteStart, byteEnd - byteStart);
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            throw new ImportFileException(
                "This is a zip archive, probably an Excel workbook with a .csv name: import it as .xlsx, or save it from Excel as CSV.",
                "Dette er et zip-arkiv, sandsynligvis en Excel-projektmappe med en .csv-endelse: importér den som .xlsx, eller gem den fra Excel som CSV.");
        }
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new ImportFileException(
                "This is an old Excel 97–2003 workbook (.xls) or a password-protected workbook, not CSV text: save it as .xlsx or CSV without a password.",
                "Dette er en gammel Excel 97–2003-projektmappe (.xls) eller en adgangskodebeskyttet projektmappe, ikke CSV-tekst: gem den som .xlsx eller CSV uden adgangskode.");
        }
        if (head.StartsWith(Utf8Bom))
        {
            Encoding = DetectedEncoding.Utf8WithBom;
            byteStart += Utf8Bom.Length;
        }
        else if (head.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            Encoding = DetectedEncoding.Utf16LittleEndian;
            utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder();
            byteStart += 2;
        }
        else if (head.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            Encoding = DetectedEncoding.Utf16BigEndian;
            utf16 = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder();
            byteStart += 2;
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Moves the unread bytes to the front and reads more; false when the stream has ended.</summary>
    private bool FillBytes()
    {
        if (endOfStream) return false;
        if (byteStart > 0)
        {
            bytes.AsSpan(byteStart, byteEnd - byteStart).CopyTo(bytes);
            byteEnd -= byteStart;
            byteStart = 0;
        }
        var read = stream.Read(bytes, byteEnd, bytes.Length - byteEnd);
        if (read == 0)
        {
            endOfStream = true;
            return false;
        }
        byteEnd += read;
        totalBytes += read;
        if (totalBytes > maxBytes)
        {
            throw new ImportFileException(
                $"The file is larger than {maxBytes / (1024 * 1024)} MB, the most that can be imported at once; split it.",
                $"Filen er større end {maxBytes / (1024 * 1024)} MB, som er det meste, der kan importeres ad gangen; del den op.");
        }
        return true;
    }

    /// <summary>Judges the text in view from the first non-ASCII byte to the end of the buffer: all well-formed UTF-8
    /// means UTF-8, no well-formed multi-byte sequence at all means Windows-1252. Both at once is a file pasted together
    /// from the two, which no choice would decode right, so it is refused rather than turned into "SjÃ¦llandsgade". A
    /// sequence cut off by the end of the buffer is judged by what came before it, unless the file ends there.</summary>
    private DetectedEncoding Decide(ReadOnlySpan<byte> input)
    {
        var utf8Sequences = 0;
        var firstInvalid = -1;
        var position = 0;
        while (position < input.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(input[position..], out _, out var length);
            if (status == OperationStatus.NeedMoreData && !endOfStream) break;
            if (status != OperationStatus.Done)
            {
                if (firstInvalid < 0) firstInvalid = position;
            }
            else if (length > 1)
            {
                utf8Sequences++;
            }
            position += Math.Max(1, length);
        }
        if (firstInvalid < 0) return DetectedEncoding.Utf8;
        if (utf8Sequences == 0) return DetectedEncoding.Windows1252;
        var line = Line(input[..firstInvalid]);
        throw new ImportFileException(
            $"Line {line}: the file mixes UTF-8 and Windows-1252 text, so its letters cannot all be read right. Save it again as \"CSV UTF-8\".",
            $"Linje {line}: filen blander UTF-8- og Windows-1252-tekst, så bogstaverne kan ikke alle læses rigtigt. Gem den igen som \"CSV UTF-8\".", line);
    }

    private void RefuseNul(ReadOnlySpan<byte> consumed)
    {
        var nul = consumed.IndexOf((byte)0);
        if (nul < 0) return;
        var line = Line(consumed[..nul]);
        throw new ImportFileException(
            $"Line {line}: the file contains a NUL byte, so it is not a text file (or it is UTF-16 without a byte-order mark). Save it from Excel as CSV.",
            $"Linje {line}: filen indeholder en NUL-byte, så den er ikke en tekstfil (eller den er UTF-16 uden byte-order mark). Gem den fra Excel som CSV.", line);
    }

    /// <summary>The line of the byte just after <paramref name="before"/>, which starts at bytes[byteStart].</summary>
    private int Line(ReadOnlySpan<byte> before) => (int)Math.Min(int.MaxValue, lineAtByteStart + before.Count((byte)'\n'));
}
