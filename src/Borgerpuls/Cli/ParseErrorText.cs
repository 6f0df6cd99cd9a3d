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

    public static string Of(string message)
    {
        foreach (var (pattern, key) in Known)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return CliText.Get(key, match.Groups.Values.Skip(1).Select(g => (object?)g.Value.Trim()).ToArray());
            }
        }
        return message;
    }

    private static Regex Template(string english) =>
        new("^" + Regex.Replace(Regex.Escape(english), @"\\\{\d\}", "(.*?)") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
