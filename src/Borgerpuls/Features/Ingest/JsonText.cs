using System.Text.Json;

namespace Borgerpuls.Features.Ingest;

/// <summary>Finds text that is not valid Unicode anywhere in a submitted document: bytes that are not UTF-8 inside a string
/// (the parser checks them only when the string is read) and lone surrogates written as <c>\ud800</c> escapes, which no
/// database or encoder accepts. Such input is refused up front with its place, instead of failing later as a server error.</summary>
public static class JsonText
{
    /// <summary>The path of the first invalid string or property name (e.g. <c>[0].answers.kommentar</c>), or null.</summary>
    public static string? FirstInvalid(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(element) ? null : Root(path);
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalid(item, $"{path}[{i++}]") is { } found) return found;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return Root(path);
                    }
                    var inner = path.Length == 0 ? name : $"{path}.{name}";
                    if (!WellFormed(name)) return Root(path);
                    if (FirstInvalid(property.Value, inner) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsValid(JsonElement element)
    {
        try
        {
            return WellFormed(element.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    private static string Root(string path) => path.Length == 0 ? "$" : path;
}
