namespace Borgerpuls.Features.Import.Reading;

/// <summary>The header decides how every cell is read, so a header that names a column twice or not at all stops the
/// import before any row is looked at, with every offending column named at once.</summary>
internal static class HeaderCheck
{
    public static string[] Validate(IReadOnlyList<string> raw, int line, ReadLimits limits)
    {
        // Excel writes trailing nameless columns (";;" on every line) when cells right of the data were ever formatted;
        // they carry nothing, so they are dropped rather than refused. Rows may then have as many empty cells extra.
        var count = raw.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(raw[count - 1])) count--;
        if (count == 0)
        {
            throw new ImportFileException($"Line {line}: the header row is empty.", $"Linje {line}: overskriftsrækken er tom.", line);
        }
        if (count > limits.MaxColumns)
        {
            throw new ImportFileException(
                $"Line {line}: the header has {count} columns; at most {limits.MaxColumns} are accepted.",
                $"Linje {line}: overskriften har {count} kolonner; højst {limits.MaxColumns} accepteres.", line);
        }

        var header = new string[count];
        for (var i = 0; i < count; i++) header[i] = CellText.NormaliseLineBreaks(raw[i]);
        // A second BOM (some tools add one to text that already had one) would otherwise become part of the first name.
        header[0] = header[0].TrimStart('\uFEFF');

        var english = new List<string>();
        var danish = new List<string>();
        var blank = Enumerable.Range(0, count).Where(i => string.IsNullOrWhiteSpace(header[i])).ToList();
        if (blank.Count > 0)
        {
            var positions = string.Join(", ", blank.Select(ColumnName.Position));
            english.Add($"column(s) {positions} have no name");
            danish.Add($"kolonne(r) {positions} har intet navn");
        }
        // Trimmed and case-insensitive, because that is how the importer matches names to question keys.
        var duplicates = Enumerable.Range(0, count)
            .Where(i => !string.IsNullOrWhiteSpace(header[i]))
            .GroupBy(i => header[i].Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\" ({string.Join(", ", g.Select(ColumnName.Position))})")
            .ToList();
        if (duplicates.Count > 0)
        {
            english.Add($"column name(s) used more than once: {string.Join("; ", duplicates)}");
            danish.Add($"kolonnenavn(e) brugt mere end én gang: {string.Join("; ", duplicates)}");
        }
        if (english.Count > 0)
        {
            throw new ImportFileException(
                $"Line {line}: the header is not usable: {string.Join("; and ", english)}.",
                $"Linje {line}: overskriften kan ikke bruges: {string.Join("; og ", danish)}.", line);
        }
        return header;
    }
}
