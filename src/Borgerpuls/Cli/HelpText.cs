using System.CommandLine;

namespace Borgerpuls.Cli;

/// <summary>The parser's help page in the command line's language. The parser writes its headings and markers in English
/// only (it ships no Danish), so the page is captured and those words are said again from the resources; the verbs' and
/// options' own descriptions are already worded in the command line's language.</summary>
internal static class HelpText
{
    private static readonly (string English, string Key)[] Headings =
    [
        ("Description:", "Cli.Help.Heading.Description"),
        ("Usage:", "Cli.Help.Heading.Usage"),
        ("Arguments:", "Cli.Help.Heading.Arguments"),
        ("Options:", "Cli.Help.Heading.Options"),
        ("Commands:", "Cli.Help.Heading.Commands"),
    ];

    private static readonly (string English, string Key)[] Markers =
    [
        ("[command]", "Cli.Help.Marker.Command"),
        ("[options]", "Cli.Help.Marker.Options"),
        ("(REQUIRED)", "Cli.Help.Marker.Required"),
        ("[default: ", "Cli.Help.Marker.Default"),
    ];

    public static async Task<int> WriteAsync(ParseResult parsed)
    {
        using var page = new StringWriter();
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = page });
        await Console.Out.WriteAsync(Translate(page.ToString()));
        return exit;
    }

    public static string Translate(string page)
    {
        var lines = page.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            foreach (var (english, key) in Headings)
            {
                if (line == english) lines[i] = lines[i].Replace(english, CliText.Get(key), StringComparison.Ordinal);
            }
            // A marker sits outside the description it goes with: "(REQUIRED)" before it, "[default: …]" after it.
            foreach (var (english, key) in Markers)
            {
                var at = english == "[default: " ? lines[i].LastIndexOf(english, StringComparison.Ordinal) : lines[i].IndexOf(english, StringComparison.Ordinal);
                if (at >= 0) lines[i] = string.Concat(lines[i].AsSpan(0, at), CliText.Get(key), lines[i].AsSpan(at + english.Length));
            }
        }
        return string.Join('\n', lines);
    }
}
