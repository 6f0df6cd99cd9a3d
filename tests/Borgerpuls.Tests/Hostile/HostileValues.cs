using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Borgerpuls.Tests.Hostile;

/// <summary>What people and broken programs put where a value belongs: wrong types, empty and enormous texts, control and
/// right-to-left characters, SQL and markup, impossible dates, numbers at the edge of their type.</summary>
public static class HostileValues
{
    /// <summary>How many cases a sweep tries: <paramref name="usual"/> in the test run, more when <c>BORGERPULS_SWEEP_SCALE</c> asks
    /// for a longer hunt (e.g. 25 → 25 times as many), as before a release.</summary>
    public static int Cases(int usual) =>
        usual * (int.TryParse(Environment.GetEnvironmentVariable("BORGERPULS_SWEEP_SCALE"), out var scale) && scale > 1 ? scale : 1);

    private static readonly string[] Texts =
    [
        "", " ", "\t\n", new string('x', 10_000), "\u0000", "NULL", "null", "' OR 1=1 --", "\"; DROP TABLE \"Responses\"; --",
        "<script>alert(1)</script>", "\u202Egnirts\u202C", "🙂🙃", "ﷺ", "٣", "Ø", "JC-NORD", "jc nord", "../../etc/passwd",
        "2026-13-45", "31-02-2026", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-06-01T25:61:00+01:00", "1e309",
        "00000000-0000-0000-0000-000000000000", "-1", "99999999999999999999", "NaN", "Infinity", "true", "{}", "[]",
    ];

    private static readonly Func<JsonNode?>[] Nodes =
    [
        () => null, () => JsonValue.Create(true), () => JsonValue.Create(0), () => JsonValue.Create(-1), () => JsonValue.Create(long.MaxValue),
        () => JsonValue.Create(1e308), () => JsonValue.Create(0.5), () => new JsonArray(), () => new JsonObject(),
        () => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1)), () => new JsonObject { ["x"] = "y" },
    ];

    public static Gen<JsonNode?> Node =>
        Gen.OneOf(
            Gen.Elements(Texts).Select(t => (JsonNode?)JsonValue.Create(t)),
            Gen.Choose(0, Nodes.Length - 1).Select(i => Nodes[i]()));

    public static Gen<string> Text => Gen.Elements(Texts);
}
