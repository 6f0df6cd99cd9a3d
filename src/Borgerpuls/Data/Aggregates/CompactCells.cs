using Borgerpuls.Analysis;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Where each (question, option) count and each question's pair sums sit in a cell's arrays, per instrument.
/// Slots are only ever added, so an older, shorter array simply has zeros beyond its end.</summary>
public sealed class SlotLayout
{
    private readonly Dictionary<(string Question, string Option), int> _slots = [];
    private readonly Dictionary<string, int> _pairs = new(StringComparer.Ordinal);

    public int SlotCount => _slots.Count;
    public int PairCount => _pairs.Count;

    public int Slot(string question, string option)
    {
        if (!_slots.TryGetValue((question, option), out var slot))
        {
            _slots[(question, option)] = slot = _slots.Count;
        }
        return slot;
    }

    public int? FindSlot(string question, string option) => _slots.TryGetValue((question, option), out var slot) ? slot : null;

    public int Pair(string question)
    {
        if (!_pairs.TryGetValue(question, out var index))
        {
            _pairs[question] = index = _pairs.Count;
        }
        return index;
    }

    public int? FindPair(string question) => _pairs.TryGetValue(question, out var index) ? index : null;
}

/// <summary>One cell as flat arrays, so that summing thousands of cells is a few vector additions.</summary>
public sealed class CompactCell(CellKey key)
{
    public CellKey Key { get; } = key;
    public long Respondents { get; set; }
    public long[] Counts { get; set; } = [];
    public PairSums[] Pairs { get; set; } = [];

    public void Add(CellCounts delta, SlotLayout layout)
    {
        Respondents += delta.Respondents;
        foreach (var ((question, option), count) in delta.Options)
        {
            var slot = layout.Slot(question, option);
            if (slot >= Counts.Length) Counts = Grow(Counts, layout.SlotCount);
            Counts[slot] += count;
        }
        foreach (var (question, sums) in delta.Pairs)
        {
            var index = layout.Pair(question);
            if (index >= Pairs.Length) Pairs = Grow(Pairs, layout.PairCount);
            Pairs[index] += sums;
        }
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        array.CopyTo(grown, 0);
        return grown;
    }
}

/// <summary>The sum of some cells: what one group of a breakdown shows.</summary>
public sealed class CellTotal(SlotLayout layout)
{
    public long Respondents { get; private set; }
    public long[] Counts { get; } = new long[layout.SlotCount];
    public PairSums[] Pairs { get; } = new PairSums[layout.PairCount];

    public void Add(CompactCell cell)
    {
        Respondents += cell.Respondents;
        var counts = cell.Counts;
        var length = Math.Min(counts.Length, Counts.Length);
        for (var i = 0; i < length; i++)
        {
            Counts[i] += counts[i];
        }
        for (var i = 0; i < Math.Min(cell.Pairs.Length, Pairs.Length); i++)
        {
            if (cell.Pairs[i].N != 0) Pairs[i] += cell.Pairs[i];
        }
    }

    public long Count(SlotLayout layout, string question, string option) =>
        layout.FindSlot(question, option) is { } slot && slot < Counts.Length ? Counts[slot] : 0;

    public PairSums PairOf(SlotLayout layout, string question) =>
        layout.FindPair(question) is { } index && index < Pairs.Length ? Pairs[index] : default;
}

/// <summary>All cells of one instrument, with their layout.</summary>
public sealed class InstrumentCells
{
    public SlotLayout Layout { get; } = new();
    public Dictionary<CellKey, CompactCell> Cells { get; } = [];
}
