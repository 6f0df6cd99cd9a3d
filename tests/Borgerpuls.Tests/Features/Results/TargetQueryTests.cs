using System.Globalization;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

/// <summary>Targets are judged on their own year, centre and group, once. Two years of answers to "samtale":
/// 2025: 20 × "5" (jobparat). 2026: February 6 × "5", May 4 × "1" (jobparat); March 10 × "5" (aktivitetsparat, in udsatte).
/// By hand: the all-citizens 2026 target sees 16 positive of 20 in 2026 = 80 %; over both years it would be 36/40 = 90 %.</summary>
public sealed class TargetQueryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SeedAsync();

    /// <summary>The two years of answers above and three targets of this test's own beside the demo configuration's four.</summary>
    internal static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        static Spec Samtale(string code, string group, int year, int month) =>
            new("vive-7", new() { ["samtale"] = code }) { TargetGroup = group, Hour = new DateTime(year, month, 10, 10, 0, 0, DateTimeKind.Utc) };
        await WriteAsync(database, Repeat(20, Samtale("5", "jobparat", 2025, 6))
            .Concat(Repeat(6, Samtale("5", "jobparat", 2026, 2))).Concat(Repeat(4, Samtale("1", "jobparat", 2026, 5)))
            .Concat(Repeat(10, Samtale("5", "aktivitetsparat", 2026, 3))));
        await using var db = database.Open();
        await ConfigApplier.ApplyAsync(db, new ConfigDocument
        {
            Targets =
            [
                Question("alle-2026", "Alle borgere 2026: mindst 85 %", 0.85) with { Year = 2026 },
                Question("udsatte-samtale", "Udsatte: mindst 68 %", 0.68) with { TargetGroupSet = "udsatte" },
                Question("nord-2026", "Jobcenter Nord 2026: mindst 50 %", 0.50) with { JobCentre = "jc-nord", Year = 2026 },
            ],
        });
        return database;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static TargetConfig Question(string key, string name, double threshold) =>
        new(key, name, "vive-7", TargetMetric.Positive, TargetDirection.AtLeast, threshold) { Aggregation = TargetAggregation.Question, Question = "samtale" };

    private async Task<IReadOnlyList<TargetResult>> TargetsAsync(ResultsRequest request) => (await ReportAsync(request)).Targets;

    private async Task<ResultsReport> ReportAsync(ResultsRequest request)
    {
        await using var db = _database.Open();
        return await ResultsQuery.RunAsync(db, _database.Factory, request, Viewer.CommandLine, 5, CancellationToken.None);
    }

    [Fact]
    public async Task A_target_for_a_year_is_judged_on_that_year_only_when_the_selection_spans_two()
    {
        var target = Assert.Single(await TargetsAsync(new ResultsRequest("vive-7")), t => t.Key == "alle-2026");

        // 16/20 = 0.80 < 0.85: not met (both years together, 36/40 = 0.90, would have said met).
        Assert.Equal(0.80, target.Value!.Value, 12);
        Assert.False(target.Met);
        Assert.Equal(20, target.Respondents);
        Assert.Equal(new PeriodInfo("2026-01-01", "2026-12-31"), target.Period);
        Assert.Equal("2026", TargetPeriod.Of(target.Period, CultureInfo.GetCultureInfo("da-DK")));
        // Wilson 95 % for 16/20 by hand: [0.5840, 0.9193] holds 0.85, so the miss is not significant.
        Assert.False(target.Significant);
        Assert.Null(target.Population);
    }

    [Fact]
    public async Task A_selection_inside_the_year_judges_the_selected_months_and_one_outside_leaves_the_target_out()
    {
        // January–March 2026: 6 × "5" jobparat and 10 × "5" aktivitetsparat = 16/16.
        var quarter = Assert.Single(await TargetsAsync(new ResultsRequest("vive-7") { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 3, 31) }), t => t.Key == "alle-2026");
        var earlier = await TargetsAsync(new ResultsRequest("vive-7") { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) });

        Assert.Equal(1.0, quarter.Value!.Value, 12);
        Assert.True(quarter.Met);
        Assert.Equal("januar–marts 2026", TargetPeriod.Of(quarter.Period, CultureInfo.GetCultureInfo("da-DK")));
        Assert.DoesNotContain(earlier, t => t.Key is "alle-2026" or "nord-2026");
        Assert.Contains(earlier, t => t.Key == "udsatte-samtale"); // no year: judged on the selection
    }

    [Fact]
    public async Task A_breakdown_does_not_multiply_targets_and_a_group_filter_keeps_only_that_groups_targets()
    {
        var plain = await TargetsAsync(new ResultsRequest("vive-7"));
        var bySet = await TargetsAsync(new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet });
        var byPeriod = await TargetsAsync(new ResultsRequest("vive-7") { By = Dimension.Period, Period = PeriodGranularity.Quarter });
        var udsatteOnly = await TargetsAsync(new ResultsRequest("vive-7") { Where = new Dictionary<Dimension, string> { [Dimension.TargetGroupSet] = "udsatte" } });
        var jobparatOnly = await TargetsAsync(new ResultsRequest("vive-7") { Where = new Dictionary<Dimension, string> { [Dimension.TargetGroup] = "jobparat" } });

        // Three configured here and four in the demo configuration, each once.
        Assert.Equal(7, plain.Count);
        Assert.Equal(plain.Select(t => (t.Key, t.Value)), bySet.Select(t => (t.Key, t.Value)));
        Assert.Equal(plain.Select(t => (t.Key, t.Value)), byPeriod.Select(t => (t.Key, t.Value)));
        // udsatte = the 10 aktivitetsparat answers, all positive.
        var udsatte = Assert.Single(udsatteOnly, t => t.Key == "udsatte-samtale");
        Assert.Equal(1.0, udsatte.Value!.Value, 12);
        Assert.Equal(10, udsatte.Respondents);
        Assert.DoesNotContain(udsatteOnly, t => t.Key == "alle-2026"); // an all-citizens target is not judged on a subgroup
        Assert.DoesNotContain(jobparatOnly, t => t.Key is "udsatte-samtale" or "alle-2026");
    }

    [Fact]
    public async Task Each_group_lists_the_targets_about_it_and_no_group_borrows_an_all_citizens_target()
    {
        var bySet = await ReportAsync(new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet });
        var byCentre = await ReportAsync(new ResultsRequest("vive-7") { By = Dimension.JobCentre });
        var byPeriod = await ReportAsync(new ResultsRequest("vive-7") { By = Dimension.Period });

        var udsatte = bySet.Groups.Single(g => g.Key["targetGroupSet"] == "udsatte");
        Assert.Equal(["udsatte-negativ", "udsatte-positiv", "udsatte-samtale"], udsatte.Targets.Select(t => t.Key).Order(StringComparer.Ordinal));
        var jobparate = bySet.Groups.Single(g => g.Key["targetGroupSet"] == "job-og-uddannelsesparate");
        Assert.Equal(["jobparate-negativ", "jobparate-positiv"], jobparate.Targets.Select(t => t.Key).Order(StringComparer.Ordinal));
        // The group's own figures cover both years; its target is the same single evaluation as the report's.
        Assert.Equal(bySet.Targets.Single(t => t.Key == "udsatte-samtale"), udsatte.Targets.Single(t => t.Key == "udsatte-samtale"));
        Assert.DoesNotContain(bySet.Groups.Concat(byCentre.Groups).Concat(byPeriod.Groups), g => g.Targets.Any(t => t.Key == "alle-2026"));
        Assert.All(byPeriod.Groups, g => Assert.Empty(g.Targets));
        Assert.DoesNotContain(byCentre.Groups, g => g.Key["jobcentre"] == "jc-centrum" && g.Targets.Any(t => t.Key == "nord-2026"));
    }

    [Fact]
    public async Task A_centre_target_is_judged_on_its_centre_and_left_out_for_another_centre_or_a_manager_of_another()
    {
        // Every answer was given at jc-centrum: Jobcenter Nord has none in 2026, so its target cannot be judged.
        var all = await TargetsAsync(new ResultsRequest("vive-7"));
        var centrum = await TargetsAsync(new ResultsRequest("vive-7") { Where = new Dictionary<Dimension, string> { [Dimension.JobCentre] = "jc-centrum" } });
        await using var db = _database.Open();
        var manager = (await ResultsQuery.RunAsync(db, _database.Factory, new ResultsRequest("vive-7"), new Viewer(Roles.Manager, new HashSet<string> { "jc-centrum" }), 5, CancellationToken.None)).Targets;

        var nord = Assert.Single(all, t => t.Key == "nord-2026");
        Assert.True(nord.Suppressed);
        Assert.Null(nord.Value);
        Assert.Null(nord.Met);
        Assert.Equal("jc-nord", nord.JobCentre);
        Assert.DoesNotContain(centrum, t => t.Key == "nord-2026");
        Assert.DoesNotContain(manager, t => t.Key == "nord-2026");
        Assert.Equal(0.80, Assert.Single(centrum, t => t.Key == "alle-2026").Value!.Value, 12);
    }

    [Fact]
    public async Task The_command_line_prints_each_target_once_with_its_period()
    {
        var result = await CliRunner.RunAsync("results", "--instrument", "vive-7", "--by", "period", "--period", "quarter", "--db", _database.Value);
        var english = await CliRunner.RunAsync("results", "--instrument", "vive-7", "--by", "period", "--period", "quarter", "--db", _database.Value, "--culture", "en");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n').Where(l => l.Contains("Alle borgere 2026", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("[alle borgere; 2026]: 80.0 % mod 85.0 % → ikke opfyldt (ikke signifikant forskellig)", line, StringComparison.Ordinal);
        Assert.Contains("mål (hvert på sin egen population og sit eget år)", result.Output, StringComparison.Ordinal);
        Assert.Contains("[all citizens; 2026]: 80.0 % vs 85.0 % → not met (not significantly different)",
            Assert.Single(english.Output.Split('\n'), l => l.Contains("Alle borgere 2026", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
