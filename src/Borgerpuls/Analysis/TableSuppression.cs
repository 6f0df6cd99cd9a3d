namespace Borgerpuls.Analysis;

/// <summary>The anonymity threshold and complementary suppression for a two-way table. Each row and each column is a
/// breakdown of its own (its total is shown elsewhere, as a one-way group), so <see cref="Suppression.Apply(IReadOnlyList{long},int,IReadOnlyList{bool})"/>
/// applies along every row and every column, together with the row's (column's) respondents who fall in no column (row) as a
/// cell that is never shown; hiding a cell for a column can break the rule for its row, so both passes repeat until nothing
/// changes.</summary>
public static class TableSuppression
{
    public readonly record struct TableCell(int Row, int Column, long Count);

    /// <summary>For each cell, whether it is suppressed.</summary>
    /// <param name="rowOutside">Per row, the respondents of the row in no column.</param>
    /// <param name="columnOutside">Per column, the respondents of the column in no row.</param>
    /// <param name="hiddenAlready">Cells hidden for another reason; they count towards the hidden total of their row and column.</param>
    public static bool[] Apply(IReadOnlyList<TableCell> cells, IReadOnlyList<long> rowOutside, IReadOnlyList<long> columnOutside, int k, IReadOnlyList<bool>? hiddenAlready = null)
    {
        Suppression.CheckK(k);
        var hidden = cells.Select((c, i) => c.Count < k || (hiddenAlready?[i] ?? false)).ToArray();
        var changed = true;
        while (changed)
        {
            changed = Lines(cells, hidden, c => c.Row, rowOutside, k) | Lines(cells, hidden, c => c.Column, columnOutside, k);
        }
        return hidden;
    }

    /// <summary>Applies the rule to every line (row or column); says whether it hid anything.</summary>
    private static bool Lines(IReadOnlyList<TableCell> cells, bool[] hidden, Func<TableCell, int> line, IReadOnlyList<long> outside, int k)
    {
        var changed = false;
        for (var l = 0; l < outside.Count; l++)
        {
            var members = Enumerable.Range(0, cells.Count).Where(i => line(cells[i]) == l).ToList();
            var result = Suppression.Apply([.. members.Select(i => cells[i].Count), outside[l]], k, [.. members.Select(i => hidden[i]), true]);
            for (var m = 0; m < members.Count; m++)
            {
                if (result[m] && !hidden[members[m]])
                {
                    hidden[members[m]] = true;
                    changed = true;
                }
            }
        }
        return changed;
    }
}
