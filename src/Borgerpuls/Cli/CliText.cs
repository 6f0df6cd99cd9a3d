using System.Globalization;
using Borgerpuls.Localization;

namespace Borgerpuls.Cli;

/// <summary>What the command line says, from the same resources as the web app: Danish unless <c>--culture en</c> is given
/// (before or after the verb). The language is read from the arguments before they are parsed, so that the parser's own
/// refusals (a date, a number) are worded in it too.</summary>
internal static class CliText
{
    public static readonly string[] Cultures = ["da", "en"];

    public static CultureInfo Culture { get; private set; } = CultureInfo.GetCultureInfo("da");

    public static string Get(string key, params object?[] args) => SharedTexts.Format(Culture, key, args);

    /// <summary>Takes the language from <c>--culture VALUE</c> or <c>--culture=VALUE</c> (the last one wins); false with the
    /// value when it is not a language the command line speaks.</summary>
    public static bool TryUse(string[] args, out string refused)
    {
        string? chosen = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--culture" && i + 1 < args.Length) chosen = args[++i];
            else if (args[i].StartsWith("--culture=", StringComparison.Ordinal)) chosen = args[i]["--culture=".Length..];
        }
        refused = chosen ?? "";
        chosen = chosen?.Trim().ToLowerInvariant();
        if (chosen is null) return true;
        if (!Cultures.Contains(chosen)) return false;
        Culture = CultureInfo.GetCultureInfo(chosen);
        return true;
    }
}
