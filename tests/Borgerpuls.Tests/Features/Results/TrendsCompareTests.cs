using System.Net;
using System.Text.Json;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

public sealed class TrendsCompareTests
{
    private static Spec Answer(string code, DateTime hour, string group = "jobparat") => new("vive-7", new() { ["samtale"] = code }) { Hour = hour, TargetGroup = group };

    [Fact]
    public async Task A_significant_change_between_periods_is_flagged_and_a_small_one_is_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var jan = new DateTime(2025, 1, 10, 9, 0, 0, DateTimeKind.Utc);
        // January 45/50 positive, February 20/50 (z-test p < 0.001), March 22/50 (p ≈ 0.69 against February).
        await WriteAsync(database, Repeat(45, Answer("5", jan)).Concat(Repeat(5, Answer("1", jan)))
            .Concat(Repeat(20, Answer("5", jan.AddMonths(1)))).Concat(Repeat(30, Answer("1", jan.AddMonths(1))))
            .Concat(Repeat(22, Answer("5", jan.AddMonths(2)))).Concat(Repeat(28, Answer("1", jan.AddMonths(2)))));
        await using var db = database.Open();

        var report = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("vive-7") { By = Dimension.Period }, Viewer.CommandLine, 5, CancellationToken.None);

        var samtale = report.Groups.Select(g => g.Questions.Single(q => q.Key == "samtale")).ToList();
        Assert.Null(samtale[0].Change);
        Assert.Equal(-0.5, samtale[1].Change!.Difference, 10);
        Assert.True(samtale[1].Change!.Significant);
        Assert.Equal(0.04, samtale[2].Change!.Difference, 10);
        Assert.False(samtale[2].Change!.Significant);
    }

    [Fact]
    public async Task Changes_are_tested_on_the_counts_and_never_against_a_hidden_period()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var jan = new DateTime(2025, 1, 10, 9, 0, 0, DateTimeKind.Utc);
        // January 45/50, February 3 answers (below k = 5), March 20/50, April 22/50, May 40/50. February's 3 alone would be
        // January, March, April and May minus the total: the smallest shown month (January, first of the equal ones) is hidden
        // with it. So March (after a hidden February) has no change, and April and May are each tested against the month before:
        // April 22/50 vs 20/50: pooled 0.42, SE = √(0.42·0.58·0.04) = 0.098712, z = 0.405220, p = 0.685315.
        // May 40/50 vs 22/50: pooled 0.62, SE = √(0.62·0.38·0.04) = 0.097077, z = 3.708385, p = 0.000209.
        await WriteAsync(database, Repeat(45, Answer("5", jan)).Concat(Repeat(5, Answer("1", jan)))
            .Concat(Repeat(3, Answer("5", jan.AddMonths(1))))
            .Concat(Repeat(20, Answer("5", jan.AddMonths(2)))).Concat(Repeat(30, Answer("1", jan.AddMonths(2))))
            .Concat(Repeat(22, Answer("5", jan.AddMonths(3)))).Concat(Repeat(28, Answer("1", jan.AddMonths(3))))
            .Concat(Repeat(40, Answer("5", jan.AddMonths(4)))).Concat(Repeat(10, Answer("1", jan.AddMonths(4)))));
        await using var db = database.Open();

        var report = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("vive-7") { By = Dimension.Period }, Viewer.CommandLine, 5, CancellationToken.None);

        Assert.Equal([true, true, false, false, false], report.Groups.Select(g => g.Suppressed));
        var samtale = report.Groups.Select(g => g.Questions.Single(q => q.Key == "samtale")).ToList();
        Assert.All(samtale.Take(3), q => Assert.Null(q.Change));
        Assert.Equal(0.04, samtale[3].Change!.Difference, 10);
        Assert.Equal("z", samtale[3].Change!.Test);
        Assert.Equal(0.685315, samtale[3].Change!.PValue, 1e-6);
        Assert.False(samtale[3].Change!.Significant);
        Assert.Equal(0.36, samtale[4].Change!.Difference, 10);
        Assert.Equal(0.000209, samtale[4].Change!.PValue, 1e-6);
        Assert.True(samtale[4].Change!.Significant);
    }

    [Fact]
    public async Task Two_groups_are_compared_per_question_with_the_named_test()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var hour = new DateTime(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        await WriteAsync(database, Repeat(45, Answer("5", hour, "jobparat")).Concat(Repeat(55, Answer("1", hour, "jobparat")))
            .Concat(Repeat(30, Answer("5", hour, "aktivitetsparat"))).Concat(Repeat(70, Answer("1", hour, "aktivitetsparat"))));
        await using var db = database.Open();

        var report = await CompareQuery.RunAsync(db, database.Factory, new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet },
            "job-og-uddannelsesparate", "udsatte", Viewer.CommandLine, 5, CancellationToken.None);

        var samtale = report.Questions.Single(q => q.Key == "samtale");
        Assert.Equal(0.15, samtale.Difference!.Value, 10);
        Assert.Equal("z", samtale.Test);
        Assert.Equal(0.028460, samtale.PValue!.Value, 1e-5);
        Assert.True(samtale.Significant);
        // Means 2.8 and 2.2, sample SDs 2 and √(336/99); Welch: t = 0.6 / √(0.04 + 0.033939) = 2.2065, df = 196.68,
        // p = 0.02850 (integrated by hand from Student's t density).
        var mean = samtale.Mean!;
        Assert.Equal(2.8, mean.A, 10);
        Assert.Equal(2.2, mean.B, 10);
        Assert.Equal(0.6, mean.Difference, 10);
        Assert.Equal(2.206548, mean.T!.Value, 1e-5);
        Assert.Equal(196.6786, mean.DegreesOfFreedom, 1e-3);
        Assert.Equal(0.028503, mean.PValue, 1e-5);
        Assert.True(mean.Significant);
        Assert.True(report.Questions.Single(q => q.Key == "behandling").Suppressed);
    }

    [Fact]
    public async Task A_manager_cannot_difference_two_selections_that_differ_by_fewer_than_k()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var hour = new DateTime(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        await WriteAsync(database, Repeat(20, Answer("5", hour, "jobparat") with { JobCentre = "jc-nord", Site = "nordvej" })
            .Concat(Repeat(3, Answer("1", hour, "fleksjob") with { JobCentre = "jc-nord", Site = "nordvej" })));
        await using var app = new BorgerpulsApp(database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var all = await manager.GetAsync("/api/v1/results?instrument=vive-7");
        var again = await manager.GetAsync("/api/v1/results?instrument=vive-7");
        var without = await manager.GetAsync("/api/v1/results?instrument=vive-7&where=targetGroupSet=job-og-uddannelsesparate");
        await analyst.GetAsync("/api/v1/results?instrument=vive-7");
        var analystWithout = await analyst.GetAsync("/api/v1/results?instrument=vive-7&where=targetGroupSet=job-og-uddannelsesparate");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("færre end 5", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, analystWithout.StatusCode);
    }
}
