using System.Globalization;
using System.Text.RegularExpressions;

namespace Borgerpuls.Cli;

/// <summary>The parser's own refusals (a required option missing, an unknown verb) in the command line's language. The
/// parser words them in English only (it ships no Danish), so they are recognised by its English wording and said again
/// from the resources; a refusal not recognised here is printed as the parser wrote it.</summary>
internal static class ParseErrorText
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Template("Option '{0}' is required."), "Cli.Parse.OptionRequired"),
        (Template("Unrecognized command or argument '{0}'."), "Cli.Parse.Unrecognized"),
        (Template("Required argument missing for command: '{0}'."), "Cli.Parse.ArgumentMissing"),
        (Template("Required argument missing for option: '{0}'."), "Cli.Parse.OptionValueMissing"),
        (Template("Required command was not provided."), "Cli.Parse.VerbMissing"),
        (Template("Option '{0}' expects a single argument but {1} were provided."), "Cli.Parse.OneValue"),
        (Template("Argument '{0}' not recognized. Must be one of:{1}"), "Cli.Parse.NotOneOf"),
        (Template("Cannot parse argument '{0}' for option '{1}' as expected type '{2}'."), "Cli.Parse.CannotRead"),
    ];

    /// <summary>The parser must word its refusals in English for <see cref="Of"/> to recognise them, whatever the machine's language.</summary>
    public static void ParseInEnglish() => CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

    /// <summary>The refusal in the command line's language; for a word it does not know, the closest of
    /// <paramref name="names"/> (the verbs and options where it stood) is offered, as a mistyped <c>--fromm</c> is common.</summary>
    public static string Of(string message, IEnumerable<string> names)
    {
        foreach (var (pattern, key) in Known)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                var values = match.Groups.Values.Skip(1).Select(g => g.Value.Trim()).ToArray();
                var said = CliText.Get(key, values);
                return key == "Cli.Parse.Unrecognized" && Closest(values[0], names) is { } guess ? said + " " + CliText.Get("Cli.Parse.DidYouMean", guess) : said;
            }
        }
        return message;
    }

    /// <summary>The name nearest to <paramref name="word"/> by edit distance, if near enough to be a typing slip.</summary>
    internal static string? Closest(string word, IEnumerable<string> names) =>
        names.Distinct()
            .Select(name => (Name: name, Distance: Distance(word.ToLowerInvariant(), name)))
            .Where(c => c.Distance > 0 && c.Distance <= Math.Max(1, c.Name.TrimStart('-').Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    private static Regex Template(string english) =>
        new("^" + Regex.Replace(Regex.Escape(english), @"\\\{\d\}", "(.*?)") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
