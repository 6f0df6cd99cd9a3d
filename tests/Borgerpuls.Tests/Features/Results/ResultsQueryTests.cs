using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

public sealed class ResultsQueryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ResultsReport> RunAsync(ResultsRequest request, Viewer? viewer = null, int k = 5)
    {
        await using var db = _database.Open();
        return await ResultsQuery.RunAsync(db, _database.Factory, request, viewer ?? Viewer.CommandLine, k, CancellationToken.None);
    }

    private static Spec Samtale(string code, string group = "jobparat") => new("vive-7", new() { ["samtale"] = code }) { TargetGroup = group };

    [Fact]
    public async Task Shares_base_excluded_mean_and_intervals_match_hand_computation()
    {
        // 8 × 5, 4 × 4, 3 × 3, 2 × 2, 1 × 1 and 2 × "ved ikke": base 18, positive 12/18, mean 70/18.
        await WriteAsync(_database, Repeat(8, Samtale("5")).Concat(Repeat(4, Samtale("4"))).Concat(Repeat(3, Samtale("3")))
            .Concat(Repeat(2, Samtale("2"))).Concat(Repeat(1, Samtale("1"))).Concat(Repeat(2, Samtale("ved-ikke"))));

        var report = await RunAsync(new ResultsRequest("vive-7"));

        var group = Assert.Single(report.Groups);
        Assert.Equal(20, group.Respondents);
        var samtale = group.Questions.Single(q => q.Key == "samtale");
        Assert.Equal(18, samtale.Base);
        Assert.Equal(2, samtale.Excluded);
        Assert.Equal(12.0 / 18, samtale.Positive!.Value, 10);
        Assert.Equal(3.0 / 18, samtale.Neutral!.Value, 10);
        Assert.Equal(3.0 / 18, samtale.Negative!.Value, 10);
        Assert.Equal(70.0 / 18, samtale.Mean!.Value, 10);
        Assert.Equal(0.4374947, samtale.PositiveCi![0], 1e-6);
        Assert.Equal(0.8372123, samtale.PositiveCi![1], 1e-6);
        Assert.Equal(3.2983668, samtale.MeanCi![0], 1e-6);
        Assert.Equal(4.4794110, samtale.MeanCi![1], 1e-6);
        // The other six questions were not answered: their base is 0 and they are below k.
        Assert.True(group.Questions.Single(q => q.Key == "behandling").Suppressed);
    }

    [Fact]
    public async Task A_cell_below_k_and_the_next_smallest_are_suppressed_and_carry_no_figures()
    {
        await WriteAsync(_database, Repeat(30, Samtale("5", "jobparat")).Concat(Repeat(3, Samtale("1", "sygedagpenge"))).Concat(Repeat(10, Samtale("4", "fleksjob"))));

        var report = await RunAsync(new ResultsRequest("vive-7") { By = Dimension.TargetGroup });

        var byKey = report.Groups.ToDictionary(g => g.Key["targetGroup"]);
        Assert.False(byKey["jobparat"].Suppressed);
        Assert.Equal(30, byKey["jobparat"].Respondents);
        Assert.True(byKey["sygedagpenge"].Suppressed);
        Assert.True(byKey["fleksjob"].Suppressed); // complementary: otherwise total − jobparat − fleksjob reveals sygedagpenge
        Assert.Null(byKey["sygedagpenge"].Respondents);
        // Each says why: 3 answers are fewer than k; fleksjob's 10 are hidden only so that sygedagpenge cannot be worked out.
        Assert.Equal(HiddenBecause.FewerThanK, byKey["sygedagpenge"].SuppressedReason);
        Assert.Equal(HiddenBecause.Complementary, byKey["fleksjob"].SuppressedReason);
        Assert.All(byKey["fleksjob"].Questions.Where(q => q.Key == "samtale"), q => Assert.Equal(HiddenBecause.Complementary, q.SuppressedReason));
        Assert.Null(byKey["jobparat"].SuppressedReason);
        Assert.All(byKey["fleksjob"].Questions, q => Assert.Null(q.Positive));
    }

    [Fact]
    public async Task Target_group_sets_and_targets_come_out_with_status()
    {
        // udsatte: 7 of 10 positive on samtale only → mean of questions = 0.7 ≥ 0.68 met; Wilson [0.397, 0.892] contains 0.68 → not significant.
        await WriteAsync(_database, Repeat(7, Samtale("5", "aktivitetsparat")).Concat(Repeat(3, Samtale("1", "sygedagpenge"))));
        await using (var db = _database.Open())
        {
            await Borgerpuls.Features.Configuration.ConfigApplier.ApplyAsync(db, new Borgerpuls.Features.Configuration.ConfigDocument
            {
                Targets = [new("udsatte-positiv", "Udsatte: mindst 68 %", "vive-7", TargetMetric.Positive, TargetDirection.AtLeast, 0.68) { TargetGroupSet = "udsatte", Aggregation = TargetAggregation.Question, Question = "samtale" }],
            });
        }

        var report = await RunAsync(new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet });

        var udsatte = report.Groups.Single(g => g.Key["targetGroupSet"] == "udsatte");
        Assert.Equal(10, udsatte.Respondents);
        Assert.Equal(0.7, udsatte.Questions.Single(q => q.Key == "samtale").Positive!.Value, 10);
        var target = Assert.Single(report.Targets, t => t.Key == "udsatte-positiv");
        Assert.Equal(10, target.Respondents);
        Assert.Equal("udsatte", target.TargetGroupSet);
        Assert.True(target.Met);
        Assert.False(target.Significant);
        Assert.DoesNotContain(report.Groups, g => g.Key["targetGroupSet"] == "job-og-uddannelsesparate" && g.Respondents > 0);
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_centre()
    {
        await WriteAsync(_database, Repeat(10, Samtale("5") with { JobCentre = "jc-centrum", Site = "sjaellandsgade" })
            .Concat(Repeat(12, Samtale("1") with { JobCentre = "jc-nord", Site = "nordvej" })));
        var manager = new Viewer(Roles.Manager, new HashSet<string> { "jc-nord" });

        var byCentre = await RunAsync(new ResultsRequest("vive-7") { By = Dimension.JobCentre }, manager);
        var filtered = await RunAsync(new ResultsRequest("vive-7") { Where = new Dictionary<Dimension, string> { [Dimension.JobCentre] = "jc-centrum" } }, manager);

        Assert.Equal(["jc-nord"], byCentre.Groups.Select(g => g.Key["jobcentre"]));
        Assert.Equal(12, byCentre.Groups[0].Respondents);
        Assert.True(filtered.Groups.Single().Suppressed);
    }

    [Fact]
    public async Task Kiosk_repeats_are_left_out_and_counted()
    {
        var press = new Spec("smiley", new() { ["besoeg"] = "4" }) { Channel = Channel.Kiosk };
        await WriteAsync(_database, Repeat(9, press).Concat(Repeat(4, press with { Repeat = true, Answers = new() { ["besoeg"] = "1" } })));

        var report = await RunAsync(new ResultsRequest("smiley"));
        var withRepeats = await RunAsync(new ResultsRequest("smiley") { IncludeKioskRepeats = true });

        Assert.Equal(4, report.LeftOutKioskRepeats);
        Assert.Equal(1.0, report.Groups.Single().Questions.Single(q => q.Key == "besoeg").Positive!.Value, 10);
        Assert.Equal(9.0 / 13, withRepeats.Groups.Single().Questions.Single(q => q.Key == "besoeg").Positive!.Value, 10);
    }

    [Fact]
    public async Task Periods_are_whole_months_and_trends_break_down_by_period()
    {
        await WriteAsync(_database, Repeat(6, Samtale("5") with { Hour = new DateTime(2025, 1, 31, 9, 0, 0, DateTimeKind.Utc) })
            .Concat(Repeat(8, Samtale("1") with { Hour = new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc) })));

        var quarters = await RunAsync(new ResultsRequest("vive-7") { By = Dimension.Period, Period = PeriodGranularity.Quarter });
        var january = await RunAsync(new ResultsRequest("vive-7") { From = new DateOnly(2025, 1, 15), To = new DateOnly(2025, 1, 15) });

        Assert.Equal(["2025-Q1", "2025-Q2"], quarters.Groups.Select(g => g.Key["period"]));
        Assert.Equal(6, january.Groups.Single().Respondents);
        Assert.Equal("2025-01-01", january.Period.From);
        Assert.Equal("2025-01-31", january.Period.To);
    }

    [Fact]
    public async Task Json_output_has_exactly_the_spec_shape()
    {
        await WriteAsync(_database, Repeat(6, Samtale("5", "aktivitetsparat")));

        var result = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "vive-7", "--by", "targetGroupSet", "--format", "json", "--db", _database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("vive-7", root.GetProperty("instrument").GetString());
        var group = root.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetProperty("targetGroupSet").GetString() == "udsatte");
        Assert.Equal(6, group.GetProperty("respondents").GetInt32());
        var question = group.GetProperty("questions").EnumerateArray().First();
        foreach (var field in new[] { "key", "base", "positive", "neutral", "negative", "excluded", "mean", "positiveCi", "suppressed" })
        {
            Assert.True(question.TryGetProperty(field, out _), $"question lacks {field}");
        }
        Assert.Equal(1.0, question.GetProperty("positive").GetDouble());
        Assert.Equal(2, question.GetProperty("positiveCi").GetArrayLength());
        foreach (var field in new[] { "positiveMeanOfQuestions", "negativeMeanOfQuestions", "positivePooled", "negativePooled" })
        {
            Assert.True(group.GetProperty("average").TryGetProperty(field, out _), $"average lacks {field}");
        }
        Assert.Equal(JsonValueKind.Array, group.GetProperty("targets").ValueKind);
    }

    [Fact]
    public async Task Bad_requests_are_clear_errors()
    {
        var unknown = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "findes-ikke", "--db", _database.Value);
        var dimension = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "vive-7", "--by", "farve", "--db", _database.Value);
        var combination = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "vive-7", "--by", "language", "--where", "site=nordvej", "--db", _database.Value);
        var k = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "vive-7", "--k", "2", "--db", _database.Value);

        Assert.Contains("Unknown instrument 'findes-ikke'", unknown.Error);
        Assert.Contains("Unknown dimension 'farve'", dimension.Error);
        Assert.Contains("language can be combined only with jobcentre and period", combination.Error);
        Assert.Contains("never be below 3", k.Error);
        Assert.All(new[] { unknown, dimension, combination, k }, r => Assert.NotEqual(0, r.ExitCode));
    }
}
