namespace Borgerpuls.Features.Import.Reading;

/// <summary>The workbook's shared string table. It is the one part held whole, because any row may point anywhere in
/// it, so it is bounded on its own: the number of texts, their total characters, and each text to
/// <see cref="ReadLimits.MaxCellLength"/> (a longer one is kept only as its length, and a cell that uses it becomes a
/// row problem like any over-long cell).</summary>
internal sealed class XlsxSharedStrings
{
    private readonly List<string?> texts = [];
    private readonly Dictionary<int, long> tooLong = [];

    public static XlsxSharedStrings Empty { get; } = new();

    public int Count => texts.Count;

    /// <summary>The text at <paramref name="index"/>, or null when it is longer than the cell limit (then
    /// <paramref name="length"/> says how long).</summary>
    public string? Get(int index, out long length)
    {
        var text = texts[index];
        length = text?.Length ?? tooLong[index];
        return text;
    }

    public static XlsxSharedStrings Read(Stream part, ReadLimits limits)
    {
        try
        {
            return ReadTable(part, limits);
        }
        catch (XlsxMarkupGuard.MarkupTooLongException)
        {
            throw new ImportFileException(
                $"The workbook's table of shared texts has a tag or CDATA section of more than {XlsxMarkupGuard.MaxMarkupBytes / 1024} KB; the workbook is damaged or was not written by a spreadsheet program.",
                $"Projektmappens tabel over delte tekster har et tag eller en CDATA-sektion på mere end {XlsxMarkupGuard.MaxMarkupBytes / 1024} KB; projektmappen er beskadiget eller ikke skrevet af et regnearksprogram.");
        }
    }

    private static XlsxSharedStrings ReadTable(Stream part, ReadLimits limits)
    {
        var table = new XlsxSharedStrings();
        var text = new BoundedCellText(limits.MaxCellLength);
        long characters = 0;
        using var reader = new XlsxPartReader(part, limits);
        while (reader.NextElement("si"))
        {
            if (table.texts.Count == limits.MaxSharedStrings)
            {
                throw TooMuch(
                    $"more than {limits.MaxSharedStrings} texts",
                    $"mere end {limits.MaxSharedStrings} tekster");
            }
            text.Start(decodeEscapes: true);
            reader.ReadItem(text);
            text.End();
            if (text.TooLong && text.HasContent)
            {
                table.tooLong[table.texts.Count] = text.Length;
                table.texts.Add(null);
                continue;
            }
            // A long text of nothing but white space reads as the blank cell it is.
            var value = text.TooLong ? "" : text.Text();
            characters += value.Length;
            if (characters > limits.MaxSharedStringCharacters)
            {
                throw TooMuch(
                    $"more than {limits.MaxSharedStringCharacters} characters of text",
                    $"mere end {limits.MaxSharedStringCharacters} tegn tekst");
            }
            table.texts.Add(value);
        }
        return table;
    }

    private static ImportFileException TooMuch(string english, string danish) => new(
        $"The workbook's table of shared texts holds {english}, the most that is read into memory; save the sheet as CSV (which is read as a stream) or split it.",
        $"Projektmappens tabel over delte tekster indeholder {danish}, som er det meste, der læses ind i hukommelsen; gem arket som CSV (som læses løbende) eller del det op.");
}
