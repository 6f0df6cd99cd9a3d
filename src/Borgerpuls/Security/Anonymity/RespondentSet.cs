using System.IO.Compression;
using System.Security.Cryptography;
using Borgerpuls.Data.Aggregates;

namespace Borgerpuls.Security.Anonymity;

/// <summary>The respondents behind one shown figure, as respondents per aggregate cell (within a cube every respondent is in
/// exactly one cell, so the cells are the finest partition the figures can be cut by). Two sets of the same cube differ by
/// the sum over cells of the difference of their counts: the respondents added since (counts only grow, but for retention)
/// or filtered differently. Sets of different cubes are compared on what every cube shares — month, job centre and the repeat
/// flag — which gives a lower bound of their difference.</summary>
public sealed class RespondentSet
{
    private readonly KeyValuePair<CellKey, long>[] _cells;

    public RespondentSet(IEnumerable<KeyValuePair<CellKey, long>> cells, string definition = "")
    {
        Definition = definition;
        _cells = cells.Where(c => c.Value > 0).OrderBy(c => c.Key, KeyOrder.Instance).ToArray();
        Respondents = _cells.Sum(c => c.Value);
        Cube = _cells.Length == 0 ? Cube.Main : _cells[0].Key.Cube;
    }

    public long Respondents { get; }

    /// <summary>What was asked for (instrument, filters, period, breakdown and group), as a hash: the same question asked
    /// again is answered even when new answers have arrived since (SPEC §5).</summary>
    public string Definition { get; }

    public Cube Cube { get; }

    public IReadOnlyList<KeyValuePair<CellKey, long>> Cells => _cells;

    /// <summary>The number of respondents in one set and not the other (a lower bound across cubes).</summary>
    public long Difference(RespondentSet other)
    {
        if (Cube == other.Cube) return Merge(_cells, other._cells);
        return Merge(Coarse(_cells), Coarse(other._cells));
    }

    private static long Merge(KeyValuePair<CellKey, long>[] a, KeyValuePair<CellKey, long>[] b)
    {
        long difference = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var order = i == a.Length ? 1 : j == b.Length ? -1 : KeyOrder.Instance.Compare(a[i].Key, b[j].Key);
            if (order < 0) difference += a[i++].Value;
            else if (order > 0) difference += b[j++].Value;
            else difference += Math.Abs(a[i++].Value - b[j++].Value);
        }
        return difference;
    }

    private static KeyValuePair<CellKey, long>[] Coarse(KeyValuePair<CellKey, long>[] cells) => cells
        .GroupBy(c => new CellKey(Cube.Main, 0, c.Key.Month, c.Key.JobCentreId, 0, 0, 0, 0, "", "", "", c.Key.Repeat))
        .Select(g => KeyValuePair.Create(g.Key, g.Sum(c => c.Value)))
        .OrderBy(c => c.Key, KeyOrder.Instance).ToArray();

    /// <summary>Compact form for the database: the cells as written by <see cref="Write"/>, compressed.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(zip))
        {
            Write(writer);
        }
        return buffer.ToArray();
    }

    public static RespondentSet FromBytes(byte[] bytes, string definition = "")
    {
        using var zip = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new BinaryReader(zip);
        var count = reader.ReadInt32();
        var cells = new List<KeyValuePair<CellKey, long>>(count);
        for (var i = 0; i < count; i++)
        {
            var key = new CellKey((Cube)reader.ReadByte(), 0, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
                reader.ReadInt32(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadBoolean(), reader.ReadInt32());
            if (key.Cube == Cube.Background) key = key with { BackgroundKey = reader.ReadString(), BackgroundCode = reader.ReadString() };
            cells.Add(KeyValuePair.Create(key, reader.ReadInt64()));
        }
        return new RespondentSet(cells, definition);
    }

    /// <summary>A definition hash from the parts of a question, in order.</summary>
    public static string DefinitionOf(params object?[] parts) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(parts))));

    /// <summary>Equal sets have equal fingerprints: the same figure seen twice is stored once.</summary>
    public string Fingerprint()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) Write(writer);
        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }

    private void Write(BinaryWriter writer)
    {
        writer.Write(_cells.Length);
        foreach (var (k, count) in _cells)
        {
            writer.Write((byte)k.Cube);
            writer.Write(k.Month); writer.Write(k.JobCentreId); writer.Write(k.SiteId); writer.Write(k.UnitId); writer.Write(k.OfferId); writer.Write(k.TargetGroupId);
            writer.Write(k.Channel); writer.Write(k.MeetingType); writer.Write(k.Language); writer.Write(k.Repeat); writer.Write(k.Clock);
            // Only background cells carry these, so sets stored before the background cube read back unchanged.
            if (k.Cube == Cube.Background) { writer.Write(k.BackgroundKey); writer.Write(k.BackgroundCode); }
            writer.Write(count);
        }
    }

    /// <summary>A total order on cell keys (the instrument is the set's own and not part of it).</summary>
    private sealed class KeyOrder : IComparer<CellKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(CellKey a, CellKey b)
        {
            var c = a.Cube.CompareTo(b.Cube);
            if (c == 0) c = a.Month.CompareTo(b.Month);
            if (c == 0) c = a.JobCentreId.CompareTo(b.JobCentreId);
            if (c == 0) c = a.SiteId.CompareTo(b.SiteId);
            if (c == 0) c = a.UnitId.CompareTo(b.UnitId);
            if (c == 0) c = a.OfferId.CompareTo(b.OfferId);
            if (c == 0) c = a.TargetGroupId.CompareTo(b.TargetGroupId);
            if (c == 0) c = string.CompareOrdinal(a.Channel, b.Channel);
            if (c == 0) c = string.CompareOrdinal(a.MeetingType, b.MeetingType);
            if (c == 0) c = string.CompareOrdinal(a.Language, b.Language);
            if (c == 0) c = a.Repeat.CompareTo(b.Repeat);
            if (c == 0) c = a.Clock.CompareTo(b.Clock);
            if (c == 0) c = string.CompareOrdinal(a.BackgroundKey, b.BackgroundKey);
            if (c == 0) c = string.CompareOrdinal(a.BackgroundCode, b.BackgroundCode);
            return c;
        }
    }
}
