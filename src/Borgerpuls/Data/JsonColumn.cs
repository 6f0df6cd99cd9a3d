using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Borgerpuls.Data;

/// <summary>Small structured values (texts per language, key lists) are stored as JSON text, identically on SQLite and PostgreSQL,
/// so both providers share one model and one set of queries.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class, new()
    {
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), s => Deserialize<T>(s), comparer).IsRequired();
        return property;
    }

    public static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) where T : new() =>
        string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T();
}
