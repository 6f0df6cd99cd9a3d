using System.CommandLine;
using System.Globalization;

namespace Borgerpuls.Cli;

/// <summary>A date option read the same way everywhere: ISO (2026-03-01) or Danish day.month.year (1.3.2026). Other forms
/// are refused with what to write instead — "01-03-2026" is 1 March to a Dane and 3 January to .NET's default parser.</summary>
internal static class DateOption
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d.M.yyyy"];

    public static Option<DateOnly?> Create(string name, string description) => new(name)
    {
        Description = description + " " + CliText.Get("Cli.Help.DateForms"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
            if (DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            result.AddError(CliText.Get("Cli.Date.Invalid", name, text));
            return null;
        },
    };
}
