using System.Globalization;

namespace Borgerpuls.Localization;

/// <summary>A message said later, in the reader's language: the import checks a file once, and its problems are read on a
/// Danish page, an English page, the API or the command line. Mostly a resource key with its arguments; the file reader,
/// which words its problems in both languages where they arise, hands over the two texts.</summary>
public sealed class Wording
{
    private readonly string? _key;
    private readonly object?[] _args;
    private readonly string? _danish;
    private readonly string? _english;

    private Wording(string? key, object?[] args, string? danish, string? english) => (_key, _args, _danish, _english) = (key, args, danish, english);

    public static Wording Of(string key, params object?[] args) => new(key, args, null, null);

    public static Wording Both(string danish, string english) => new(null, [], danish, english);

    /// <summary>Several wordings as one, separated by commas, each said in the reader's language.</summary>
    public static Wording List(IEnumerable<Wording> items) => new("Wording.List", [items.ToList()], null, null);

    /// <summary>The text in <paramref name="culture"/>; Danish for a language it has no text in, as the resources do.</summary>
    public string In(CultureInfo culture) => _key switch
    {
        null => culture.TwoLetterISOLanguageName == "en" ? _english! : _danish!,
        "Wording.List" => string.Join(", ", ((List<Wording>)_args[0]!).Select(w => w.In(culture))),
        // An argument that is itself a wording is said in the same language.
        _ => SharedTexts.Format(culture, _key, _args.Select(a => a is Wording w ? w.In(culture) : a).ToArray()),
    };

    /// <summary>English, for logs and exception messages.</summary>
    public override string ToString() => In(SharedTexts.English);
}
