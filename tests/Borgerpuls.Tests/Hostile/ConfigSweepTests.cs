using Borgerpuls.Features.Configuration;
using Borgerpuls.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace Borgerpuls.Tests.Hostile;

/// <summary>The documented example configuration with one to three things broken in it — wrong types, missing or unknown
/// members, doubled entries, hostile texts, a cut-off file — through <c>config apply</c>'s reading and applying. Each document
/// is applied whole or refused with its problems by path, and a refused one leaves the configuration exactly as it was.</summary>
public sealed class ConfigSweepTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Dictionary<string, int> _seen = [];
    private static readonly System.Globalization.CultureInfo Danish = new("da"), English = new("en");
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "config-example.json"));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = await _database.MigratedAsync();
        await ConfigApplier.ApplyAsync(db, ConfigJson.Parse(Example));
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public void A_broken_document_is_applied_whole_or_refused_by_path_and_changes_nothing()
    {
        var property = Prop.ForAll(JsonMutation.Of(Example).ToArbitrary(), json => Holds(json).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileValues.Cases(120)), property);
        Assert.True(_seen.GetValueOrDefault("applied") > 3 && _seen.GetValueOrDefault("refused") > 30, string.Join(", ", _seen.Select(s => $"{s.Key}: {s.Value}")));
    }

    private async Task Holds(string json)
    {
        var before = await ExportAsync();
        try
        {
            await using var db = _database.Open();
            await ConfigApplier.ApplyAsync(db, ConfigJson.Parse(json));
            _seen["applied"] = _seen.GetValueOrDefault("applied") + 1;
        }
        catch (ConfigException refused)
        {
            Assert.NotEmpty(refused.Errors);
            // Every problem is worded in both languages: a key missing from the resources would be shown as the key itself.
            Assert.All(refused.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Path) || string.IsNullOrWhiteSpace(e.Text(Danish)) || e.Text(Danish).StartsWith("Config.", StringComparison.Ordinal)
                || e.Text(English).StartsWith("Config.", StringComparison.Ordinal) || e.Text(Danish) == e.Text(English), e.ToString()));
            Assert.True(before == await ExportAsync(), $"refused ({refused.Errors[0]}) but changed by:\n{json}");
            _seen["refused"] = _seen.GetValueOrDefault("refused") + 1;
        }
    }

    private async Task<string> ExportAsync()
    {
        await using var db = _database.Open();
        return ConfigJson.Write(await ConfigExporter.ExportAsync(db));
    }
}
