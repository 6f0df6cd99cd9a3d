using Borgerpuls.Features.Results;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Cli;

/// <summary>Mistyped arguments get one line in words, without a .NET type name or the whole help; figures come in every
/// format a script or a spreadsheet needs; an empty database says so.</summary>
public sealed class CliArgumentTests
{
    [Theory]
    [InlineData("The device number 'abc' is not a whole number.", "device", "revoke", "abc")]
    [InlineData("--k 'x' is not a whole number.", "results", "--instrument", "smiley", "--k", "x")]
    [InlineData("--responses '1.5' is not a whole number.", "demo-data", "--responses", "1.5")]
    [InlineData("--channel 'bus': a device is a kiosk or a tablet.", "device", "add", "--site", "s", "--instrument", "smiley", "--name", "n", "--channel", "bus")]
    public async Task A_value_of_the_wrong_kind_is_refused_in_words_and_nothing_runs(string message, params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await CliRunner.RunAsync(["--culture", "en", .. args, "--db", database.Value]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
        Assert.DoesNotContain("System.", result.Error);
        Assert.DoesNotContain("Usage:", result.Output);
    }

    [Fact]
    public async Task On_a_database_without_answers_results_and_the_priority_map_say_so()
    {
        await using var database = await TestDatabase.CreateAsync();

        var table = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "results", "--instrument", "vive-7");
        var json = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "priority-map", "--instrument", "vive-7");

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Equal("", table.Output);
        Assert.Equal("No answers to vive-7 are stored yet: import a survey file (import) or collect answers first.", table.Error.Trim());
        Assert.StartsWith("{", json.Output);
        Assert.Contains("No answers to vive-7 are stored yet", json.Error);
    }

    [Fact]
    public async Task The_priority_map_is_written_as_a_table_and_as_csv_with_the_json_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "3000", "--db", database.Value);

        var table = await CliRunner.RunAsync("--culture", "en", "priority-map", "--instrument", "vive-7", "--format", "table", "--db", database.Value);
        var csv = await CliRunner.RunAsync("--culture", "en", "priority-map", "--instrument", "vive-7", "--format", "csv", "--db", database.Value);
        var json = await CliRunner.RunAsync("--culture", "en", "priority-map", "--instrument", "vive-7", "--db", database.Value);

        Assert.True(table.ExitCode == 0, table.Error);
        using var map = System.Text.Json.JsonDocument.Parse(json.Output);
        var first = map.RootElement.GetProperty("questions")[0];
        var key = first.GetProperty("key").GetString()!;
        var row = table.Output.Split('\n').Single(l => l.TrimStart().StartsWith(key + " ", StringComparison.Ordinal));
        Assert.Contains(first.GetProperty("satisfaction").GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), row);
        Assert.Contains(first.GetProperty("quadrant").GetString()!, row);
        Assert.Equal(map.RootElement.GetProperty("questions").GetArrayLength() + 1, csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Csv_for_Danish_Excel_has_semicolons_decimal_commas_a_byte_order_mark_and_negative_numbers_as_numbers()
    {
        var map = new PriorityMapReport("vive-7", null, 120, false, [new PriorityMapQuestion("samtale", 55.5, -0.125, 118, "secondary-challenge")]);

        var plain = ResultsFormat.ToCsv(map);
        var danish = ResultsFormat.DanishExcel((delimiter, numbers) => ResultsFormat.ToCsv(map, delimiter, numbers));

        Assert.Contains("\"samtale\",\"118\",\"55.5\",\"-0.125\",\"secondary-challenge\"", plain);
        Assert.StartsWith("\uFEFF\"instrument\";", danish);
        Assert.Contains("\"samtale\";\"118\";\"55,5\";\"-0,125\";\"secondary-challenge\"", danish);
        // Text that looks like a formula is still defused.
        Assert.Contains("\"'=1+1\"", ResultsFormat.ToCsv(map with { Questions = [new PriorityMapQuestion("=1+1", null, null, 0, null)] }));
    }
}
