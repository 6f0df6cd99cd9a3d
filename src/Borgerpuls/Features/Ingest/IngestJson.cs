using System.Text.Json;
using System.Text.Json.Serialization;

namespace Borgerpuls.Features.Ingest;

/// <summary>Submissions are read strictly: unknown properties are errors, so a misspelt field is reported, not dropped.</summary>
internal static class IngestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        MaxDepth = 16,
    };
}
