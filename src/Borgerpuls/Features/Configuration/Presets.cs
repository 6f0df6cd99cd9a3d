using Borgerpuls.Data;

namespace Borgerpuls.Features.Configuration;

/// <summary>The shipped presets (SPEC §4): target-group taxonomy and sets, scales and the four instruments. They are a
/// configuration document like any other, applied so that only missing items are created.</summary>
public static class Presets
{
    private static readonly Lazy<ConfigDocument> Document = new(() =>
    {
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream("Borgerpuls.presets.json")
            ?? throw new InvalidOperationException("The presets resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return ConfigJson.Parse(reader.ReadToEnd());
    });

    public static ConfigDocument Get() => Document.Value;

    public static Task<ApplyResult> EnsureAsync(BorgerpulsDb db, CancellationToken ct = default) =>
        ConfigApplier.ApplyAsync(db, Get(), ApplyMode.OnlyMissing, ct);
}
