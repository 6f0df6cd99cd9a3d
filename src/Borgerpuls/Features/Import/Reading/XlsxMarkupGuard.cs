namespace Borgerpuls.Features.Import.Reading;

/// <summary>Sits between a workbook part and the XML reader and refuses any tag, CDATA section, processing instruction
/// or declaration longer than <see cref="MaxMarkupBytes"/>. The XML reader hands text content over in chunks, but holds
/// a whole tag (with its attribute values) or CDATA section in memory at once: a cell reference or a CDATA section of
/// fifty million characters cost about 290 MB. Real tags are a few dozen bytes; comments are skipped by the reader
/// without being held, so they are passed over here. The scan is of UTF-8 bytes, which is how Excel writes every part.</summary>
internal sealed class XlsxMarkupGuard(Stream inner) : Stream
{
    /// <summary>Far above any tag a spreadsheet program writes, far below what hurts.</summary>
    public const int MaxMarkupBytes = 1024 * 1024;

    private enum State { Text, Open, Bang, BangDash, Comment, Tag, CData, Instruction, Declaration }

    private State state;
    private long length;
    private byte quote;
    private int run;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Scan(buffer[..read]);
        return read;
    }

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (state == State.Text)
            {
                var open = bytes[i..].IndexOf((byte)'<');
                if (open < 0) return;
                i += open;
                state = State.Open;
                length = 1;
                continue;
            }
            var b = bytes[i];
            if (state == State.Comment)
            {
                // A comment ends at "-->"; run counts the dashes before the '>'.
                if (b == '>' && run >= 2) state = State.Text;
                run = b == '-' ? run + 1 : 0;
                continue;
            }
            if (++length > MaxMarkupBytes) throw new MarkupTooLongException();
            switch (state)
            {
                case State.Open:
                    state = b switch { (byte)'!' => State.Bang, (byte)'?' => State.Instruction, _ => State.Tag };
                    quote = 0;
                    run = 0;
                    if (state == State.Tag) InTag(b);
                    break;
                case State.Bang:
                    state = b switch { (byte)'-' => State.BangDash, (byte)'[' => State.CData, _ => State.Declaration };
                    break;
                case State.BangDash:
                    state = b == '-' ? State.Comment : State.Declaration;
                    break;
                case State.Tag:
                    InTag(b);
                    break;
                case State.CData:
                    if (b == '>' && run >= 2) state = State.Text;
                    run = b == ']' ? run + 1 : 0;
                    break;
                case State.Instruction:
                    if (b == '>' && run >= 1) state = State.Text;
                    run = b == '?' ? 1 : 0;
                    break;
                default:
                    if (b == '>') state = State.Text;
                    break;
            }
        }
    }

    /// <summary>A '>' inside a quoted attribute value does not end the tag.</summary>
    private void InTag(byte b)
    {
        if (quote != 0)
        {
            if (b == quote) quote = 0;
        }
        else if (b is (byte)'"' or (byte)'\'')
        {
            quote = b;
        }
        else if (b == '>')
        {
            state = State.Text;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Thrown out of the XML reader's read; the caller knows where in the sheet that was.</summary>
    internal sealed class MarkupTooLongException() : Exception($"A tag or CDATA section is longer than {MaxMarkupBytes} bytes.");
}
