using System.Collections;
using System.Reflection;
using System.Text.Json;
using Borgerpuls.Localization;
using Borgerpuls.Security.Input;

namespace Borgerpuls.Features.Configuration;

/// <summary>Every text in a configuration document fits where it is stored, checked before anything is written: a plain text
/// (a name, a provider, a theme) at most <see cref="Name"/> characters, its column's size; a name or label at most
/// <see cref="Name"/> and any other translated text (question, description) at most <see cref="Text"/> in each language, so
/// that seven languages still fit their column (4 000 and 8 000 characters). No text holds a control character other than a
/// line break or tab, or a broken surrogate pair — PostgreSQL refuses a NUL in text outright, and neither belongs in a name a
/// citizen reads. Each used to fail the whole apply with a database error instead of naming the text. A number too large to
/// be finite is named, and so is a list element or a text set to null (<c>"campaigns": [null]</c>): the other rules would
/// meet it as a missing object.</summary>
internal static class ConfigTexts
{
    public const int Name = 400;
    public const int Text = 1000;
    // One instance, so that the walk can tell a null element from the other problems it reports.
    private static readonly Wording NullElement = Wording.Of("Config.Error.Null");

    /// <summary>Reports every problem; true when a null element was found, after which no other rule can read the document.</summary>
    public static bool Check(object? value, string path, Action<string, Wording> error)
    {
        var nulls = false;
        Walk(value, path, (p, message) =>
        {
            nulls |= ReferenceEquals(message, NullElement);
            error(p, message);
        });
        return nulls;
    }

    private static void Walk(object? value, string path, Action<string, Wording> error)
    {
        switch (value)
        {
            // 1e400 is read as infinity, which no column, figure or JSON export can hold.
            case double number when !double.IsFinite(number):
                error(path, Wording.Of("Config.Error.NotFinite"));
                return;
            case null or string or ValueType:
                return;
            case IDictionary<string, string> texts:
                var max = path.EndsWith("names", StringComparison.Ordinal) || path.EndsWith("labels", StringComparison.Ordinal) ? Name : Text;
                foreach (var (language, text) in texts)
                {
                    if (text is null) error($"{path}.{language}", NullElement);
                    CheckText(text, max, $"{path}.{language}", error);
                    if (!CleanText.IsClean(language)) error(path, Wording.Of("Config.Error.LanguageCode"));
                }
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null) error($"{path}[{i}]", NullElement);
                    Walk(item, $"{path}[{i++}]", error);
                }
                return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var member = property.GetValue(value);
            if (member is string text)
            {
                CheckText(text, Name, $"{path}.{name}", error);
            }
            else
            {
                Walk(member, $"{path}.{name}", error);
            }
        }
    }

    private static void CheckText(string? text, int max, string path, Action<string, Wording> error)
    {
        if (text is null) return;
        if (text.Length > max) error(path, Wording.Of("Config.Error.TooLong", max, text.Length));
        if (!CleanText.IsClean(text)) error(path, Wording.Of("Config.Error.ControlCharacter"));
    }
}
