using System.Text.Json;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.Metrics;

/// <summary><c>Logging:Json</c> gives the municipality's log collector one JSON object per line (docs/operations.md).</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task With_json_logging_every_line_is_one_json_object_with_level_category_and_message()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var server = await ServerProcess.StartAsync(database.Value, "--Logging:Json", "true");

        string[] lines = [];
        for (var i = 0; i < 100 && !lines.Any(l => l.Contains("setup?token=", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        Assert.NotEmpty(lines);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _) && e.TryGetProperty("Message", out _)));
        var link = entries.Single(e => e.GetProperty("Message").GetString()!.Contains("setup?token=", StringComparison.Ordinal));
        Assert.Equal("Warning", link.GetProperty("LogLevel").GetString());
    }
}
