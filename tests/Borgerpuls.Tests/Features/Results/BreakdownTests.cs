using System.Globalization;
using System.Net;
using System.Text.Json;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

/// <summary>Breakdowns by background variable and two-way tables, pinned against counts of the rows written here.</summary>
public sealed class BreakdownTests : IAsyncLifetime
{
    private const string Variable = "background:sagsbehandlerskift";
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        await using var db = _database.Open();
        await ConfigApplier.ApplyAsync(db, new ConfigDocument
        {
            BackgroundVariables =
            [
                new("sagsbehandlerskift", new() { ["da"] = "Skiftet sagsbehandler", ["en"] = "Changed caseworker" },
                    [new("ja", new() { ["da"] = "Ja", ["en"] = "Yes" }), new("nej", new() { ["da"] = "Nej", ["en"] = "No" })]),
            ],
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Spec Samtale(string code, string? changed, string centre = "jc-centrum") => new("vive-7", new() { ["samtale"] = code })
    {
        JobCentre = centre, Site = centre == "jc-centrum" ? "sjaellandsgade" : "nordvej", TargetGroup = "jobparat",
        Background = changed is null ? [] : new() { ["sagsbehandlerskift"] = changed },
    };

    /// <summary>As seed 002: those who changed caseworker are the dissatisfied ones. Changed (ja): 12 in jc-centrum, 3 positive
    /// and 9 negative. Not changed (nej): 10 in jc-centrum and 10 in jc-nord, each 8 positive and 2 negative. In jc-nord 6
    /// without the variable and 1 with a code not configured, all positive ("4").</summary>
    private async Task SeedCaseworkerAsync() => await WriteAsync(_database,
        Repeat(3, Samtale("5", "ja")).Concat(Repeat(9, Samtale("1", "ja")))
            .Concat(Repeat(8, Samtale("5", "nej"))).Concat(Repeat(2, Samtale("2", "nej")))
            .Concat(Repeat(8, Samtale("5", "nej", "jc-nord"))).Concat(Repeat(2, Samtale("2", "nej", "jc-nord")))
            .Concat(Repeat(6, Samtale("4", null, "jc-nord"))).Concat(Repeat(1, Samtale("4", "maaske", "jc-nord"))));

    private async Task<ResultsReport> RunAsync(string? by, string? by2 = null, string[]? where = null, Viewer? viewer = null)
    {
        await using var db = _database.Open();
        var request = ResultsApi.Parse("vive-7", by, null, null, null, where, by2);
        return await ResultsQuery.RunAsync(db, _database.Factory, request, viewer ?? Viewer.CommandLine, 5, CancellationToken.None);
    }

    private static QuestionResult Samtale(GroupResult group) => group.Questions.Single(q => q.Key == "samtale");

    [Fact]
    public async Task Those_who_changed_caseworker_stand_out_and_unstated_or_unknown_codes_are_counted_as_unknown()
    {
        await SeedCaseworkerAsync();

        var report = await RunAsync(Variable);

        Assert.Equal(Variable, report.By);
        var groups = report.Groups.ToDictionary(g => g.Key[Variable]);
        Assert.Equal(["", "ja", "nej"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(12, groups["ja"].Respondents);
        Assert.Equal(3.0 / 12, Samtale(groups["ja"]).Positive!.Value, 10);
        Assert.Equal(9.0 / 12, Samtale(groups["ja"]).Negative!.Value, 10);
        Assert.Equal(20, groups["nej"].Respondents);
        Assert.Equal(16.0 / 20, Samtale(groups["nej"]).Positive!.Value, 10);
        // 6 without the variable + 1 with an unconfigured code.
        Assert.Equal("Ukendt", groups[""].Label);
        Assert.Equal(7, groups[""].Respondents);
        Assert.Equal(7, Samtale(groups[""]).Base);
        Assert.Equal(1.0, Samtale(groups[""]).Positive!.Value, 10);

        var filtered = await RunAsync("jobcentre", where: [$"{Variable}=ja"]);
        Assert.Equal(12, Assert.Single(filtered.Groups).Respondents);
        Assert.Equal("jc-centrum", filtered.Groups[0].Key["jobcentre"]);
        var nej = await RunAsync("jobcentre", where: [$"{Variable}=nej"]);
        Assert.Equal([10L, 10L], nej.Groups.Select(g => g.Respondents!.Value));
    }

    [Fact]
    public async Task Labels_follow_the_language_and_the_variable_is_named_in_the_output()
    {
        await SeedCaseworkerAsync();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = await RunAsync(Variable);
            Assert.Equal(["No", "Unknown", "Yes"], english.Groups.Select(g => g.Label).Order(StringComparer.Ordinal));
            CultureInfo.CurrentUICulture = new CultureInfo("da");
            var danish = await RunAsync(Variable);
            Assert.Equal(["Ja", "Nej", "Ukendt"], danish.Groups.Select(g => g.Label).Order(StringComparer.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task A_background_group_below_k_is_hidden_with_the_next_smallest()
    {
        // ja 3 (below k), nej 20, unknown 8 (no variable): hiding ja alone would let total − nej − unknown reveal it, so the
        // unknown group (the smallest shown) is hidden too; 3 + 8 ≥ 5.
        await WriteAsync(_database, Repeat(3, Samtale("1", "ja")).Concat(Repeat(20, Samtale("5", "nej"))).Concat(Repeat(8, Samtale("4", null))));

        var groups = (await RunAsync(Variable)).Groups.ToDictionary(g => g.Key[Variable]);

        Assert.True(groups["ja"].Suppressed);
        Assert.Null(groups["ja"].Respondents);
        Assert.True(groups[""].Suppressed);
        Assert.All(groups[""].Questions, q => Assert.Null(q.Positive));
        Assert.False(groups["nej"].Suppressed);
        Assert.Equal(20, groups["nej"].Respondents);
    }

    [Fact]
    public async Task A_two_way_table_by_background_and_job_centre_counts_the_unstated_per_centre()
    {
        await SeedCaseworkerAsync();

        var report = await RunAsync(Variable, "jobcentre");

        Assert.Equal("jobcentre", report.By2);
        var cells = report.Groups.ToDictionary(g => (g.Key[Variable], g.Key["jobcentre"]));
        Assert.Equal(4, cells.Count);
        Assert.Equal(12, cells[("ja", "jc-centrum")].Respondents);
        Assert.Equal(10, cells[("nej", "jc-centrum")].Respondents);
        Assert.Equal(10, cells[("nej", "jc-nord")].Respondents);
        Assert.Equal(7, cells[("", "jc-nord")].Respondents);
        Assert.Equal(8.0 / 10, Samtale(cells[("nej", "jc-nord")]).Positive!.Value, 10);
        Assert.Equal("Ja × Jobcenter Aabæk Centrum", cells[("ja", "jc-centrum")].Label);
    }

    /// <summary>targetGroupSet × jobcentre. Job-ready (jobparat): centrum 12 (9 positive), nord 9, syd 7 (all positive).
    /// Vulnerable (aktivitetsparat): centrum 10, nord 3, syd 8. In centrum 2 more in no target group.</summary>
    [Fact]
    public async Task A_two_way_table_suppresses_along_rows_and_columns_until_nothing_changes()
    {
        Spec At(string centre, string site, string? group, string code) => new("vive-7", new() { ["samtale"] = code }) { JobCentre = centre, Site = site, TargetGroup = group };
        await WriteAsync(_database, Repeat(9, At("jc-centrum", "sjaellandsgade", "jobparat", "5")).Concat(Repeat(3, At("jc-centrum", "sjaellandsgade", "jobparat", "1")))
            .Concat(Repeat(9, At("jc-nord", "nordvej", "jobparat", "5"))).Concat(Repeat(7, At("jc-syd", "havnegade", "jobparat", "4")))
            .Concat(Repeat(10, At("jc-centrum", "sjaellandsgade", "aktivitetsparat", "3"))).Concat(Repeat(3, At("jc-nord", "nordvej", "aktivitetsparat", "1")))
            .Concat(Repeat(8, At("jc-syd", "havnegade", "aktivitetsparat", "2"))).Concat(Repeat(2, At("jc-centrum", "sjaellandsgade", null, "5"))));

        var report = await RunAsync("targetGroupSet", "jobcentre");

        var cells = report.Groups.ToDictionary(g => (g.Key["targetGroupSet"], g.Key["jobcentre"]));
        // By hand: udsatte×nord (3) is below k; its row then hides udsatte×syd (8, smallest shown in the row: 3 + 8 ≥ 5); its
        // column hides job-ready×nord (9). Column centrum holds 2 respondents in no set, never shown: with nothing else hidden
        // there it hides udsatte×centrum (10). That leaves each row's and column's hidden total 0 or ≥ 5.
        string[] hidden = ["udsatte/jc-centrum", "udsatte/jc-nord", "udsatte/jc-syd", "job-og-uddannelsesparate/jc-nord"];
        Assert.Equal(hidden.Order(StringComparer.Ordinal), cells.Where(c => c.Value.Suppressed).Select(c => $"{c.Key.Item1}/{c.Key.Item2}").Order(StringComparer.Ordinal));
        Assert.All(cells.Values.Where(c => c.Suppressed), c => Assert.Null(c.Respondents));
        var centrum = cells[("job-og-uddannelsesparate", "jc-centrum")];
        Assert.Equal(12, centrum.Respondents);
        Assert.Equal(9.0 / 12, Samtale(centrum).Positive!.Value, 10);
        Assert.Equal(3.0 / 12, Samtale(centrum).Negative!.Value, 10);
        var syd = cells[("job-og-uddannelsesparate", "jc-syd")];
        Assert.Equal(7, syd.Respondents);
        Assert.Equal(1.0, Samtale(syd).Positive!.Value, 10);
    }

    [Theory]
    [InlineData("meetingType", "targetGroupSet", null, "meetingType can be combined only with jobcentre and period; the table meetingType × targetGroupSet cannot be answered")]
    [InlineData(Variable, "site", null, "background:sagsbehandlerskift can be combined only with jobcentre and period")]
    [InlineData("background:alder", null, null, "Unknown background variable 'alder'; configured: sagsbehandlerskift.")]
    [InlineData("jobcentre", null, "background:sagsbehandlerskift=maaske", "Unknown code 'maaske' of background variable 'sagsbehandlerskift'; use one of: ja, nej.")]
    [InlineData("targetGroupSet,jobcentre", null, null, "for a two-way table give the second one as by2")]
    [InlineData("jobcentre", "jobcentre", null, "a two-way table needs two different dimensions")]
    [InlineData(null, "jobcentre", null, "name the first one with by")]
    [InlineData("background", null, null, "Name the background variable: background:KEY")]
    [InlineData(Variable, null, "background:alder=ja", "Only one background variable per question")]
    public async Task A_question_the_cubes_cannot_answer_gets_a_specific_error(string? by, string? by2, string? where, string message)
    {
        await SeedCaseworkerAsync();

        var error = await Assert.ThrowsAsync<ResultsException>(() => RunAsync(by, by2, where is null ? null : [where]));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task The_command_line_takes_the_database_before_or_after_the_verb_on_a_new_file()
    {
        await using var fresh = await TestDatabase.CreateAsync();
        var setup = await CliRunner.RunAsync("--db", fresh.Value, "demo-data", "--responses", "0");
        Assert.True(setup.ExitCode == 0, setup.Error);
        var config = Path.Combine(Path.GetTempPath(), $"borgerpuls-background-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """
            { "backgroundVariables": [ { "key": "sagsbehandlerskift", "names": { "da": "Skiftet sagsbehandler" },
              "options": [ { "code": "ja", "labels": { "da": "Ja" } }, { "code": "nej", "labels": { "da": "Nej" } } ] } ] }
            """);
        try
        {
            var applied = await CliRunner.RunAsync("config", "apply", config, "--db", fresh.Value);
            Assert.True(applied.ExitCode == 0, applied.Output + applied.Error);
        }
        finally
        {
            File.Delete(config);
        }
        await WriteAsync(fresh, Repeat(6, Samtale("1", "ja")).Concat(Repeat(5, Samtale("5", "nej"))).Concat(Repeat(5, Samtale("5", "nej", "jc-nord"))));

        var before = await CliRunner.RunAsync("--db", fresh.Value, "results", "--instrument", "vive-7", "--by", Variable, "--format", "json");
        var after = await CliRunner.RunAsync("results", "--instrument", "vive-7", "--by", Variable, "--by2", "jobcentre", "--format", "csv", "--db", fresh.Value);
        var wrong = await CliRunner.RunAsync("results", "--instrument", "vive-7", "--by", "targetGroupSet,jobcentre", "--db", fresh.Value);

        Assert.True(before.ExitCode == 0, before.Error);
        using var json = JsonDocument.Parse(before.Output);
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetProperty(Variable).GetString()!, g => g.GetProperty("respondents").GetInt64());
        Assert.Equal(6, groups["ja"]);
        Assert.Equal(10, groups["nej"]);
        Assert.True(after.ExitCode == 0, after.Error);
        // Every CSV cell is quoted; none of these contains a quote or a comma.
        var rows = after.Output.Replace("\"", "", StringComparison.Ordinal).Split("\r\n").Where(r => r.Contains(",samtale,", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("vive-7,nej/jc-nord,Nej × Jobcenter Aabæk Nord,5,samtale,5,1,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("vive-7,ja/jc-centrum,Ja × Jobcenter Aabæk Centrum,6,samtale,6,0,", StringComparison.Ordinal));
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("--by2", wrong.Output + wrong.Error);
    }

    [Fact]
    public async Task Api_and_export_serve_both_breakdowns_and_refuse_a_bad_one()
    {
        await SeedCaseworkerAsync();
        await using var app = new BorgerpulsApp(_database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        using var results = JsonDocument.Parse(await analyst.GetStringAsync($"/api/v1/results?instrument=vive-7&by={Variable}"));
        var groups = results.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetProperty(Variable).GetString()!);
        Assert.Equal(12, groups["ja"].GetProperty("respondents").GetInt64());
        Assert.Equal(0.25, groups["ja"].GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "samtale").GetProperty("positive").GetDouble(), 10);
        Assert.False(results.RootElement.TryGetProperty("by2", out _));

        using var table = JsonDocument.Parse(await analyst.GetStringAsync($"/api/v1/results?instrument=vive-7&by={Variable}&by2=jobcentre"));
        Assert.Equal("jobcentre", table.RootElement.GetProperty("by2").GetString());
        var cell = table.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetProperty(Variable).GetString() == "nej" && g.GetProperty("key").GetProperty("jobcentre").GetString() == "jc-nord");
        Assert.Equal(10, cell.GetProperty("respondents").GetInt64());

        var export = (await analyst.GetStringAsync($"/api/v1/export/results?instrument=vive-7&by={Variable}&by2=jobcentre&delimiter=,")).Replace("\"", "", StringComparison.Ordinal).Split("\r\n");
        Assert.StartsWith($"{Variable},jobcentre,group,question,base,positive", export[0].TrimStart('\uFEFF'));
        Assert.Contains(export, r => r.StartsWith("nej,jc-nord,Nej × Jobcenter Aabæk Nord,samtale,10,0.8,0,0.2,", StringComparison.Ordinal));

        var bad = await analyst.GetAsync("/api/v1/results?instrument=vive-7&by=meetingType&by2=targetGroupSet");
        Assert.StartsWith("meetingType kan kun kombineres med jobcentre og period, så den todimensionale tabel meetingType × targetGroupSet",
            await ResultsApiTests.QueryErrorAsync(bad), StringComparison.Ordinal);
        var unknown = await analyst.GetAsync("/api/v1/export/results?instrument=vive-7&by=background:alder&culture=en");
        Assert.Equal("Unknown background variable 'alder'; configured: sagsbehandlerskift.", await ResultsApiTests.QueryErrorAsync(unknown));
    }

    [Fact]
    public async Task The_dashboard_groups_by_a_background_variable_and_shows_a_two_way_table()
    {
        await SeedCaseworkerAsync();
        await using var app = new BorgerpulsApp(_database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var seeded = "from=2025-03&to=2025-03";

        var html = await analyst.GetStringAsync($"/dashboard?instrument=vive-7&{seeded}&groupBy={Variable}&groupBy2=jobcentre");

        Assert.Contains($"<option value=\"{Variable}\" selected=\"selected\">Skiftet sagsbehandler</option>", html);
        Assert.Contains("data-table=\"two-way\"", html);
        var table = html[html.IndexOf("data-table=\"two-way\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        // ja × centrum: 3 of 12 positive; nej × nord: 8 of 10; the unknown row in nord: 7 of 7.
        Assert.Contains("25,0 pct. (12)", table);
        Assert.Contains("80,0 pct. (10)", table);
        Assert.Contains("100,0 pct. (7)", table);
        Assert.Contains(">Ukendt<", table);

        var english = await analyst.GetStringAsync($"/dashboard?instrument=vive-7&{seeded}&groupBy={Variable}&groupBy2=jobcentre&culture=en&ui-culture=en");
        Assert.Contains(">Changed caseworker</option>", english);
        Assert.Contains(">Yes</th>", english);
    }

    [Fact]
    public async Task The_differencing_guard_sees_background_groups()
    {
        // jc-nord: 20 in March, 17 of them changed caseworker: after the centre's total, the "ja" group would show the 3 others.
        await WriteAsync(_database, Repeat(17, Samtale("5", "ja", "jc-nord")).Concat(Repeat(3, Samtale("1", null, "jc-nord"))));
        await using var app = new BorgerpulsApp(_database);
        var committee = await app.SignedInClientAsync(Roles.Committee);
        const string Nord = "instrument=vive-7&where=jobcentre=jc-nord&from=2025-03-01&to=2025-03-31";

        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/api/v1/results?" + Nord)).StatusCode);
        var narrower = await committee.GetAsync($"/api/v1/results?{Nord}&where={Variable}=ja");
        var table = await committee.GetAsync($"/api/v1/results?{Nord}&by={Variable}&by2=jobcentre");

        Assert.Equal(HttpStatusCode.BadRequest, narrower.StatusCode);
        Assert.Contains("færre end 5", await narrower.Content.ReadAsStringAsync());
        // The table hides the unknown row (3) and with it the only other cell of the column: nothing new is shown.
        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        using var json = JsonDocument.Parse(await table.Content.ReadAsStringAsync());
        Assert.All(json.RootElement.GetProperty("groups").EnumerateArray(), g => Assert.True(g.GetProperty("suppressed").GetBoolean()));
    }
}
