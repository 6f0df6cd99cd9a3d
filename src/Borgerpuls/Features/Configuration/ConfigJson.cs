using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

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
                ?? throw new ConfigException([new ConfigError("$", "The document is empty (null).")]);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            throw new ConfigException([new ConfigError(where, $"{Describe(e)}{line}")]);
        }
    }

    public static string Write(ConfigDocument document) => JsonSerializer.Serialize(document, Options) + "\n";

    // System.Text.Json's messages mention .NET types; keep the useful part and say it in the document's terms.
    private static string Describe(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Unknown property: " + e.Message.Split('\'').ElementAtOrDefault(1)
        : e.Message.Contains("missing required properties", StringComparison.Ordinal) ? $"Missing required property '{e.Message.Split('\'').ElementAtOrDefault(3)}'."
        : e.Message.Contains("null values", StringComparison.Ordinal) ? $"'{e.Path?.Split('.').Last()}' cannot be null."
        : e.Message;
}
