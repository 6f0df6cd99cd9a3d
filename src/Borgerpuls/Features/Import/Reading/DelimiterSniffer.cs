namespace Borgerpuls.Features.Import.Reading;

/// <summary>Chooses the CSV delimiter from the header line: the most frequent of ';', ',' and tab outside quotes. On a
/// tie ';' wins, because Danish Excel writes ';' (the comma is the decimal separator) and a header rarely contains
/// either inside a name.</summary>
internal static class DelimiterSniffer
{
    private static readonly char[] Candidates = [';', ',', '\t'];

    // Separators that other tools use; naming the one found makes the error message actionable.
    private static readonly char[] Foreign = ['|', ':', '^', '~', '#'];

    public static char Detect(string headerLine)
    {
        var counts = new int[Candidates.Length];
        var foreign = new int[Foreign.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }
            if (quoted) continue;
            var i = Array.IndexOf(Candidates, c);
            if (i >= 0) counts[i]++;
            var f = Array.IndexOf(Foreign, c);
            if (f >= 0) foreign[f]++;
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best]) best = i;
        }
        if (counts[best] > 0) return Candidates[best];

        var hint = "";
        var danishHint = "";
        var likely = Array.IndexOf(foreign, foreign.Max());
        if (foreign[likely] > 0)
        {
            hint = $" The header seems to use '{Foreign[likely]}'; save the file with ';' or ',' between the columns.";
            danishHint = $" Overskriften ser ud til at bruge '{Foreign[likely]}'; gem filen med ';' eller ',' mellem kolonnerne.";
        }
        throw new ImportFileException(
            $"Line 1: only one column found; expected ',' or ';' as delimiter.{hint}",
            $"Linje 1: der blev kun fundet én kolonne; forventede ',' eller ';' som separator.{danishHint}", 1);
    }

    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";
}
