using System.Collections;
using System.Reflection;
using System.Text.Json;
using Borgerpuls.Security.Input;

namespace Borgerpuls.Features.Configuration;

/// <summary>Every text in a configuration document fits where it is stored, checked before anything is written: a name or
/// label at most <see cref="Name"/> characters, any other text (question, description) at most <see cref="Text"/>. Seven
/// languages of each still fit their column (names 4 000, descriptions 8 000 characters), which PostgreSQL enforces; and no
/// text holds a control character other than a line break or tab, or a broken surrogate pair — PostgreSQL refuses a NUL in
/// text outright, and neither belongs in a name a citizen reads. Either used to fail the whole apply with a database error
/// instead of naming the text.</summary>
internal static class ConfigTexts
{
    public const int Name = 500;
    public const int Text = 1000;

    public static void Check(object? value, string path, Action<string, string> error)
    {
        switch (value)
        {
            case null or string or ValueType:
                return;
            case IDictionary<string, string> texts:
                var max = path.EndsWith("names", StringComparison.Ordinal) || path.EndsWith("labels", StringComparison.Ordinal) ? Name : Text;
                foreach (var (language, text) in texts)
                {
                    CheckText(text, max, $"{path}.{language}", error);
                    if (!CleanText.IsClean(language)) error(path, "A language code holds control or invalid characters.");
                }
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items) Check(item, $"{path}[{i++}]", error);
                return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var member = property.GetValue(value);
            if (member is string text)
            {
                CheckText(text, name is "name" ? Name : Text, $"{path}.{name}", error);
            }
            else
            {
                Check(member, $"{path}.{name}", error);
            }
        }
    }

    private static void CheckText(string? text, int max, string path, Action<string, string> error)
    {
        if (text is null) return;
        if (text.Length > max) error(path, $"At most {max} characters ({text.Length} given).");
        if (!CleanText.IsClean(text)) error(path, "Holds a control character (only line breaks and tabs are allowed) or an invalid character.");
    }
}
