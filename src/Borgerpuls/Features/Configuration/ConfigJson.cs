using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Configuration;

/// <summary>One JSON dialect for reading and writing configuration: camelCase, enums as camelCase text,
/// unknown members rejected (a typo must not silently configure nothing), Danish letters written as themselves.</summary>
public static class ConfigJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // A list or text the document leaves out, or sets to null, is refused here by its path — not met later as a null.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static ConfigDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ConfigDocument>(json, Options)
                ?? throw new ConfigException([new ConfigError("$", "Config.Error.Empty")]);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            // Counted from 1, as an editor shows them; System.Text.Json counts from 0.
            var said = (e.LineNumber, e.BytePositionInLine) switch
            {
                ({ } line, { } position) => Wording.Of("Config.Error.AtLinePosition", Describe(e), line + 1, position + 1),
                ({ } line, null) => Wording.Of("Config.Error.AtLine", Describe(e), line + 1),
                _ => Describe(e),
            };
            throw new ConfigException([new ConfigError(where, said)]);
        }
    }

    public static string Write(ConfigDocument document) => JsonSerializer.Serialize(document, Options) + "\n";

    // System.Text.Json's messages are English and mention .NET types; keep the useful part and say it in the document's terms.
    private static Wording Describe(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? Wording.Of("Config.Error.UnknownProperty", e.Message.Split('\'').ElementAtOrDefault(1))
        : e.Message.Contains("missing required properties", StringComparison.Ordinal) ? Wording.Of("Config.Error.MissingProperty", e.Message.Split('\'').ElementAtOrDefault(3))
        : e.Message.Contains("null values", StringComparison.Ordinal) ? Wording.Of("Config.Error.NullProperty", e.Path?.Split('.').Last())
        : e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? TypeAt(e.Path) is { } type ? Wording.Of("Config.Error.WrongType", Expected(type)) : Wording.Of("Config.Error.WrongValue")
        : Wording.Of("Config.Error.NotJson");

    /// <summary>The type the document has at <paramref name="path"/> (<c>$.campaigns[0].channel</c>), found by walking its
    /// members: the exception names the member's owner, or nothing, not what the value should have been.</summary>
    private static Type? TypeAt(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Contains('\'', StringComparison.Ordinal)) return null;
        Type? type = typeof(ConfigDocument);
        foreach (var part in path[1..].Split('.'))
        {
            var name = part.Split('[')[0];
            if (name.Length > 0) type = type is null ? null : Member(type, name);
            for (var i = 0; i < part.Count(c => c == '['); i++) type = type is { IsGenericType: true } list && list.GetGenericTypeDefinition() == typeof(List<>) ? list.GetGenericArguments()[0] : null;
        }
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;

        static Type? Member(Type type, string name) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1]
            : type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name)?.PropertyType;
    }

    /// <summary>What a value of <paramref name="type"/> is written as.</summary>
    private static Wording Expected(Type type) =>
        type == typeof(string) ? Wording.Of("Config.Error.Expected.Text")
        : type == typeof(bool) ? Wording.Of("Config.Error.Expected.Boolean")
        : type == typeof(DateOnly) || type == typeof(DateTime) ? Wording.Of("Config.Error.Expected.Date")
        : type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) ? Wording.Of("Config.Error.Expected.Number")
        // An enum is written as one of its camelCase names.
        : type.IsEnum ? Wording.Of("Config.Error.Expected.Choice", string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)))
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? Wording.Of("Config.Error.Expected.Texts")
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? Wording.Of("Config.Error.Expected.List")
        : Wording.Of("Config.Error.Expected.Object");
}
