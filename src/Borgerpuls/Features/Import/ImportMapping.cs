using System.Text.Json;

namespace Borgerpuls.Features.Import;

/// <summary>An optional mapping file: which column is which question or background field (or <c>ignore</c>), and how cell
/// texts are recoded to option codes. Saved with the import so it can be reused for next year's file.</summary>
public sealed record ImportMapping
{
    public Dictionary<string, string> Columns { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Dictionary<string, string>> Values { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ImportMapping Load(string? path)
    {
        if (path is null) return new ImportMapping();
        if (!File.Exists(path)) throw new ImportFileException("Import.Error.NoMappingFile", path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>The mapping file format, as JSON text (API, saved mappings).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Output);

    public static ImportMapping Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new ImportMapping();
        try
        {
            var mapping = JsonSerializer.Deserialize<ImportMapping>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            }) ?? new ImportMapping();
            return new ImportMapping
            {
                Columns = new Dictionary<string, string>(mapping.Columns, StringComparer.OrdinalIgnoreCase),
                Values = mapping.Values.ToDictionary(v => v.Key, v => new Dictionary<string, string>(v.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
            };
        }
        catch (JsonException e)
        {
            throw new ImportFileException("Import.Error.BadMapping", e.Message);
        }
    }
}
