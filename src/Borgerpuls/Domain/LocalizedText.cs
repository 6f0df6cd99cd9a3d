namespace Borgerpuls.Domain;

/// <summary>Text per language code ("da", "en", "ar", …). Danish is authoritative; other languages fall back to it.</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public const string Danish = "da";

    public LocalizedText() : base(StringComparer.OrdinalIgnoreCase) { }

    public LocalizedText(IDictionary<string, string> texts) : base(texts, StringComparer.OrdinalIgnoreCase) { }

    public static LocalizedText Of(string da, string? en = null)
    {
        var text = new LocalizedText { [Danish] = da };
        if (en is not null)
        {
            text["en"] = en;
        }
        return text;
    }

    /// <summary>The text in <paramref name="language"/>, or the Danish text with <c>IsFallback</c> set, so pages can mark it visibly.</summary>
    public (string Text, bool IsFallback) In(string language)
    {
        if (TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return (text, false);
        }
        return (TryGetValue(Danish, out var da) ? da : this.Values.FirstOrDefault() ?? "", !language.Equals(Danish, StringComparison.OrdinalIgnoreCase));
    }

    public string Da => In(Danish).Text;
}
