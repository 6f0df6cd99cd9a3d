using Borgerpuls.Analysis;
using Borgerpuls.Features.Mirror;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Mirror;

/// <summary>The comparison against a hand count. March 2025, question <c>samtale</c> (tilfreds5: 5 and 4 positive, 3 neutral,
/// 2 and 1 negative), all at jc-centrum unless said:
/// <list type="bullet">
/// <item>Job-ready (jobparat): citizens 30 of 40 positive (30 × "4", 10 × "2") = 75 %; staff 12 of 24 positive (12 × "5",
/// 12 × "3") = 50 %. Gap 75 − 50 = 25 percentage points. Expected counts 40·42/64 = 26.25, 40·22/64 = 13.75, 24·42/64 = 15.75,
/// 24·22/64 = 8.25, all at least 5, so the z-test: pooled p = 42/64 = 0.65625, p(1 − p) = 0.2255859375, 1/40 + 1/24 = 0.0666…,
/// SE = √(0.2255859375 × 0.0666…) = √0.0150390625 = 0.1226339, z = 0.25 / 0.1226339 = 2.038589, two-sided
/// p = 2 × (1 − Φ(2.038589)) = 0.041491: significant at 95 %.</item>
/// <item>Activity-ready (aktivitetsparat): citizens 5 of 10 positive (5 × "5", 5 × "1"); staff 4 answers, all "4": fewer than k = 5,
/// hidden.</item>
/// <item>Unemployment benefit (dagpenge): no citizens; staff 6 answers (3 × "4", 3 × "2"): shown on their own they would give away
/// the 4 hidden activity-ready answers as the total minus the shown groups, so they are hidden too (complementary).</item>
/// <item>Total: citizens 30 + 5 = 35 of 50 = 70 %; staff 12 + 4 + 3 = 19 of 24 + 4 + 6 = 34 (55.88 %).</item>
/// <item>jc-nord's staff: 20 job-ready answers, all "5" — never seen by jc-centrum's manager.</item>
/// </list></summary>
public sealed class MirrorComparisonTests
{
    private static readonly DateOnly March = new(2025, 3, 1);

    internal static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        static Spec Citizen(string group, string answer) => new("vive-7", new() { ["samtale"] = answer }) { TargetGroup = group };
        static Spec Staff(string group, string answer, string centre = "jc-centrum") =>
            new("vive-7-spejl", new() { ["samtale"] = answer }) { TargetGroup = group, JobCentre = centre, Site = null, Channel = Borgerpuls.Domain.Channel.Web };
        await WriteAsync(database,
        [
            .. Repeat(30, Citizen("jobparat", "4")), .. Repeat(10, Citizen("jobparat", "2")),
            .. Repeat(5, Citizen("aktivitetsparat", "5")), .. Repeat(5, Citizen("aktivitetsparat", "1")),
            .. Repeat(12, Staff("jobparat", "5")), .. Repeat(12, Staff("jobparat", "3")),
            .. Repeat(4, Staff("aktivitetsparat", "4")),
            .. Repeat(3, Staff("dagpenge", "4")), .. Repeat(3, Staff("dagpenge", "2")),
            .. Repeat(20, Staff("jobparat", "5", "jc-nord")),
        ]);
        return database;
    }

    [Fact]
    public async Task The_gap_per_target_group_and_in_total_equals_the_hand_count_and_a_side_below_k_is_hidden()
    {
        await using var database = await SeedAsync();
        await using var db = database.Open();

        var report = await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March, March, Centre("jc-centrum"), Viewer.CommandLine, 5, CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal("vive-7-spejl", report.MirrorInstrument);
        var total = Samtale(report, null);
        Assert.Equal((35L, 50L), (total.Citizens.Positive!.Value, total.Citizens.Base!.Value));
        Assert.Equal((19L, 34L), (total.Staff.Positive!.Value, total.Staff.Base!.Value));

        var jobReady = Samtale(report, "jobparat");
        Assert.Equal(0.75, jobReady.Citizens.Share!.Value, 10);
        Assert.Equal(40, jobReady.Citizens.Base);
        Assert.Equal(0.50, jobReady.Staff.Share!.Value, 10);
        Assert.Equal(24, jobReady.Staff.Base);
        Assert.Equal(25, jobReady.GapPoints!.Value, 10);
        Assert.Equal(ComparisonTest.TwoProportionZ, jobReady.Test!.Test);
        Assert.Equal(0.041491, jobReady.Test.PValue, 5);
        Assert.True(jobReady.Test.Significant);

        var activity = Samtale(report, "aktivitetsparat");
        Assert.Equal(0.5, activity.Citizens.Share!.Value, 10);
        Assert.Equal(HiddenBecause.FewerThanK, activity.Staff.SuppressedReason);
        Assert.Null(activity.Staff.Share);
        Assert.Null(activity.Test);
        var benefit = Samtale(report, "dagpenge");
        Assert.Equal(HiddenBecause.Complementary, benefit.Staff.SuppressedReason);
        Assert.False(benefit.Citizens.Shown);
        Assert.Null(benefit.Test);

        // A question nobody answered has nothing to compare.
        Assert.All(report.Groups.SelectMany(g => g.Questions).Where(q => q.Key != "samtale"), q => Assert.Null(q.Test));
    }

    [Fact]
    public async Task A_manager_of_one_centre_sees_only_that_centres_staff_and_the_whole_municipality_holds_both()
    {
        await using var database = await SeedAsync();
        await using var db = database.Open();
        var manager = new Viewer(Roles.Manager, new HashSet<string> { "jc-centrum" });

        var own = await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March, March, All, manager, 5, CancellationToken.None);
        var all = await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March, March, All, Viewer.CommandLine, 5, CancellationToken.None);

        // jc-nord's 20 job-ready staff answers are not in the manager's comparison: 12 of 24, as at jc-centrum alone.
        Assert.Equal((12L, 24L), (Samtale(own!, "jobparat").Staff.Positive!.Value, Samtale(own!, "jobparat").Staff.Base!.Value));
        Assert.Equal((32L, 44L), (Samtale(all!, "jobparat").Staff.Positive!.Value, Samtale(all!, "jobparat").Staff.Base!.Value));
        // Asking for the other centre by name gives nothing of it.
        var other = await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March, March, Centre("jc-nord"), manager, 5, CancellationToken.None);
        Assert.All(other!.Groups.SelectMany(g => g.Questions), q => Assert.False(q.Staff.Shown));
    }

    [Fact]
    public async Task An_instrument_without_a_mirror_or_a_selection_staff_do_not_answer_about_has_no_comparison()
    {
        await using var database = await SeedAsync();
        await using var db = database.Open();
        Assert.Null(await MirrorComparison.RunAsync(db, database.Factory, "smiley", March, March, All, Viewer.CommandLine, 5, CancellationToken.None));
        // Staff answer per job centre about a target group, not about a site: no comparison for a selection of one site.
        Assert.Null(await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March, March, new Dictionary<Dimension, string> { [Dimension.Site] = "sjaellandsgade" }, Viewer.CommandLine, 5, CancellationToken.None));
        // A month without staff answers says so, so the report can leave the section out.
        var february = await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March.AddMonths(-1), March.AddMonths(-1), All, Viewer.CommandLine, 5, CancellationToken.None);
        Assert.False(february!.StaffAnswered);
        Assert.True((await MirrorComparison.RunAsync(db, database.Factory, "vive-7", March, March, All, Viewer.CommandLine, 5, CancellationToken.None))!.StaffAnswered);
    }

    private static readonly Dictionary<Dimension, string> All = [];

    private static Dictionary<Dimension, string> Centre(string key) => new() { [Dimension.JobCentre] = key };

    private static MirrorRow Samtale(MirrorReport report, string? group) => report.Groups.Single(g => g.TargetGroup == group).Questions.Single(q => q.Key == "samtale");
}
