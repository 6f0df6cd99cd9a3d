using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Borgerpuls.Features.Configuration;

/// <summary>Every text in a configuration document within a length that fits where it is stored, checked before anything is
/// written: a name or label at most <see cref="Name"/> characters, any other text (question, description) at most
/// <see cref="Text"/>. Seven languages of each still fit their column (names 4 000, descriptions 8 000 characters), which
/// PostgreSQL enforces; a longer text used to fail the whole apply with a database error instead of naming the text.</summary>
internal static class TextLengths
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
                    if (text?.Length > max) error($"{path}.{language}", $"At most {max} characters ({text.Length} given).");
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
            if (member is string text && text.Length > (name is "name" ? Name : Text))
            {
                error($"{path}.{name}", $"At most {(name is "name" ? Name : Text)} characters ({text.Length} given).");
            }
            else if (member is not string)
            {
                Check(member, $"{path}.{name}", error);
            }
        }
    }
}
