using System.Text;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>A CSV produced on demand: a header, then <c>rows</c> rows (or without end when null). Nothing of it exists
/// in memory beyond the current line, so reading it proves the reader streams.</summary>
internal sealed class GeneratedCsvStream(int? rows) : Stream
{
    private byte[] pending = Encoding.ASCII.GetBytes("respondent_id;site;q1;q2\n");
    private int offset;
    private long produced;

    public long RowsProduced => produced;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (this.offset == pending.Length)
        {
            if (rows is { } limit && produced >= limit) return 0;
            produced++;
            pending = Encoding.ASCII.GetBytes($"R{produced};Site {produced % 7};{produced % 5 + 1};{produced % 3 + 1}\n");
            this.offset = 0;
        }
        var n = Math.Min(count, pending.Length - this.offset);
        Array.Copy(pending, this.offset, buffer, offset, n);
        this.offset += n;
        return n;
    }
}
