using System.Globalization;
using System.Resources;

namespace Borgerpuls.Localization;

/// <summary>The shared texts where no request's localizer is at hand (an exception's English text for logs, a report built for
/// the command line): the same resources <c>IStringLocalizer&lt;SharedResource&gt;</c> reads, in a culture the caller names.</summary>
internal static class SharedTexts
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (Danish where it has none); the key itself when
    /// no resource has it, as the localizer does.</summary>
    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(CultureInfo culture, string key, params object?[] args) => string.Format(culture, Get(key, culture), args);

    /// <summary>The text of <paramref name="key"/> in the current request's or verb's language, formatted with <paramref name="args"/>:
    /// for handlers shared by the API and the pages, which have no localizer of their own.</summary>
    public static string Current(string key, params object?[] args) => Format(CultureInfo.CurrentUICulture, key, args);
}
