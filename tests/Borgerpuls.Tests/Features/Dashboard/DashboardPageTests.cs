using System.Net;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Dashboard;

public sealed class DashboardPageTests
{
    private const string March = "from=2025-03&to=2025-03";

    /// <summary>March 2025, vive-7 "samtale" only: 30 job-ready (24 positive, 3 neutral, 3 negative) and 20 vulnerable
    /// (10/5/5); in April two revalidering answers (below k); in jc-nord 8 fleksjob answers.</summary>
    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var spec = new Spec("vive-7", new() { ["samtale"] = "5" }) { TargetGroup = "jobparat" };
        var vulnerable = spec with { TargetGroup = "aktivitetsparat" };
        await WriteAsync(database, Repeat(24, spec)
            .Concat(Repeat(3, spec with { Answers = new() { ["samtale"] = "3" } }))
            .Concat(Repeat(3, spec with { Answers = new() { ["samtale"] = "1" } }))
            .Concat(Repeat(10, vulnerable with { Answers = new() { ["samtale"] = "4" } }))
            .Concat(Repeat(5, vulnerable with { Answers = new() { ["samtale"] = "3" } }))
            .Concat(Repeat(5, vulnerable with { Answers = new() { ["samtale"] = "2" } }))
            .Concat(Repeat(2, spec with { TargetGroup = "revalidering", Hour = new DateTime(2025, 4, 2, 9, 0, 0, DateTimeKind.Utc) }))
            .Concat(Repeat(8, spec with { TargetGroup = "fleksjob", JobCentre = "jc-nord", Site = "nordvej" })));
        return database;
    }

    [Fact]
    public async Task Figures_targets_and_downloads_equal_hand_computed_values_and_a_filter_changes_them()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var html = await analyst.GetStringAsync($"/dashboard?instrument=vive-7&{March}&jobcentre=jc-centrum");
        Assert.Contains("data-testid=\"respondents\">50<", html);
        Assert.Contains("data-testid=\"average-positive\">68,0 pct.<", html); // (24 + 10) / 50
        Assert.Contains("data-testid=\"average-negative\">16,0 pct.<", html); // (3 + 5) / 50
        // Only "samtale" was answered: no question has 30 respondents behind its importance, and the map says so instead of
        // drawing an empty chart.
        Assert.Contains("data-testid=\"priority-map-unavailable\">Intet spørgsmål har 30 borgere", html);
        Assert.DoesNotContain("data-chart=\"priority-map\"", html);
        foreach (var chart in new[] { "bars", "trend", "compare" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", html);
            Assert.Contains($"/dashboard/charts/{chart}.png?", html);
        }
        // VIVE-7 is not asked at the kiosks: no heat map and no word of kiosk repeats.
        Assert.DoesNotContain("data-chart=\"heat-map\"", html);
        Assert.DoesNotContain("gentagne tryk", html, StringComparison.OrdinalIgnoreCase);
        var udsatte = Tile(html, "udsatte-positiv");
        Assert.Contains("50,0 pct.", udsatte); // 10 / 20 against at least 68 %
        Assert.Contains("Ikke opfyldt", udsatte);
        var jobready = Tile(html, "jobparate-positiv");
        Assert.Contains("80,0 pct.", jobready); // 24 / 30 against at least 79 %: met, not significantly different
        Assert.Contains("Opfyldt", jobready);
        Assert.Contains("ikke signifikant forskellig", jobready);

        // The comparison of two shares is a difference in percentage points: 24/30 − 10/20 = 80 % − 50 % = 30 points.
        Assert.Contains("&#x2B;30,0 procentpoint", html);
        Assert.DoesNotContain("30,0 pct.", html);
        var compare = await analyst.GetStringAsync($"/dashboard/charts/compare.csv?instrument=vive-7&{March}&jobcentre=jc-centrum");
        Assert.Contains("\"Forskel (A − B) (procentpoint)\"", compare);

        var filtered = await analyst.GetStringAsync($"/dashboard?instrument=vive-7&{March}&jobcentre=jc-centrum&targetGroupSet=udsatte");
        Assert.Contains("data-testid=\"respondents\">20<", filtered);
        Assert.Contains("data-testid=\"average-positive\">50,0 pct.<", filtered);

        var csv = await analyst.GetAsync($"/dashboard/charts/bars.csv?instrument=vive-7&{March}&jobcentre=jc-centrum");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.StartsWith("\uFEFF\"Spørgsmål\";\"Gruppe\";\"Positive (pct.)\"", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("\"1. ", StringComparison.Ordinal) && l.Contains("\"Job- og uddannelsesparate\";\"80,0\";\"10,0\";\"10,0\"", StringComparison.Ordinal) && l.Contains(";\"30\";", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"1. ", StringComparison.Ordinal) && l.Contains("\";\"50,0\";\"25,0\";\"25,0\"", StringComparison.Ordinal));

        var svg = await analyst.GetAsync($"/dashboard/charts/bars.svg?instrument=vive-7&{March}");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml", await svg.Content.ReadAsStringAsync());
        var png = await analyst.GetByteArrayAsync($"/dashboard/charts/trend.png?instrument=vive-7&{March}");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/dashboard/charts/priority-map.png?instrument=vive-7&{March}")).StatusCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/dashboard/charts/pie.svg")).StatusCode);
    }

    [Fact]
    public async Task The_response_rate_is_shown_per_group_next_to_the_base_and_a_low_rate_is_warned_of_in_words()
    {
        await using var database = await SeedAsync();
        // The 30 job-ready answers came by tablet; 90 more declined it: 30 of 120 = 25 %, below a third. Udsatte: 20 of 20.
        await Declines.AddAsync(database, "vive-7", "jobparat", 90);
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var html = await analyst.GetStringAsync($"/dashboard?instrument=vive-7&{March}&jobcentre=jc-centrum");
        var rates = html[html.IndexOf("data-table=\"response-rates\"", StringComparison.Ordinal)..];
        var jobReady = rates[rates.IndexOf("Job- og uddannelsesparate", StringComparison.Ordinal)..rates.IndexOf("</tr>", rates.IndexOf("Job- og uddannelsesparate", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains(">30<", jobReady);
        Assert.Contains("Svarprocent 25 pct. (30 af 120)", jobReady);
        Assert.Contains("Lav svarprocent", jobReady);
        Assert.Contains("Svarprocent 100 pct. (20 af 20)", rates);
        Assert.Contains("data-testid=\"rate-warning\"", html);
        // Overall: 50 answers of 140 offered = 35.7 %, shown whole as in the committee documents.
        Assert.Contains("data-testid=\"overall-rate\">Svarprocent 36 pct.: 50 af 140, der fik tilbudt at svare.<", html);

        var english = await analyst.GetStringAsync($"/dashboard?instrument=vive-7&{March}&jobcentre=jc-centrum&culture=en&ui-culture=en");
        Assert.Contains("Response rate 25% (30 of 120)", english);
    }

    [Fact]
    public async Task A_centre_manager_sees_only_their_centre_and_a_committee_viewer_sees_the_suppression_marker_not_figures()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);

        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var own = await manager.GetStringAsync($"/dashboard?instrument=vive-7&{March}");
        Assert.Contains("data-testid=\"respondents\">8<", own);
        Assert.DoesNotContain("Jobcenter Aabæk Centrum", own);
        var other = await manager.GetStringAsync($"/dashboard?instrument=vive-7&{March}&jobcentre=jc-centrum");
        Assert.Contains("data-testid=\"respondents\">færre end 5 svar<", other);
        Assert.DoesNotContain("data-testid=\"average-positive\"", other);
        var otherCsv = await manager.GetStringAsync($"/dashboard/charts/bars.csv?instrument=vive-7&{March}&jobcentre=jc-centrum");
        Assert.DoesNotContain("\"80,0\"", otherCsv);

        var committee = await app.SignedInClientAsync(Roles.Committee);
        var april = await committee.GetStringAsync("/dashboard?instrument=vive-7&from=2025-04&to=2025-04");
        Assert.Contains("data-testid=\"respondents\">færre end 5 svar<", april);
        Assert.DoesNotContain("data-testid=\"average-positive\"", april);
        var aprilCsv = await committee.GetStringAsync("/dashboard/charts/bars.csv?instrument=vive-7&from=2025-04&to=2025-04");
        Assert.Contains("færre end 5 svar", aprilCsv);
        Assert.DoesNotContain("\"100,0\"", aprilCsv);
        await WriteAsync(database, Repeat(6, new Spec("borgeroplevelse-5", new() { ["hoert"] = "4" }) { Comment = "Lang ventetid i telefonen" }));
        var quotes = await committee.GetStringAsync($"/dashboard/comments?instrument=borgeroplevelse-5&{March}");
        Assert.Contains("data-testid=\"quotes-hidden\"", quotes);

        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task The_comments_page_says_why_it_has_nothing_to_show_instead_of_a_chart_of_zeros()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var smiley = await analyst.GetStringAsync($"/dashboard/comments?instrument=smiley&{March}");
        var vive = await analyst.GetStringAsync($"/dashboard/comments?instrument=vive-7&{March}");
        await WriteAsync(database, Repeat(6, new Spec("borgeroplevelse-5", new() { ["hoert"] = "4" })));
        var tablet = await analyst.GetStringAsync($"/dashboard/comments?instrument=borgeroplevelse-5&{March}");

        // Neither the smiley instrument nor VIVE-7 asks for a comment; the tablet questionnaire does, but none of its six
        // answers carries one.
        Assert.Contains("data-testid=\"no-comment-field\">Dette spørgeskema har intet kommentarfelt", smiley);
        Assert.Contains("data-testid=\"no-comment-field\">", vive);
        Assert.Contains("data-testid=\"no-comments\">Ingen borgere har skrevet en kommentar", tablet);
        Assert.DoesNotContain("data-chart=\"themes\"", smiley + vive + tablet);
    }

    [Fact]
    public async Task The_kiosk_heat_map_counts_presses_by_Danish_hour_and_leaves_out_repeats()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        // Monday 10 March 2025, 09:00 UTC is 10:00 in Copenhagen (winter time).
        var press = new Spec("smiley", new() { ["besoeg"] = "4" }) { Channel = Channel.Kiosk, Hour = new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc) };
        await WriteAsync(database, Repeat(6, press).Concat(Repeat(2, press with { Repeat = true })));
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var html = await analyst.GetStringAsync($"/dashboard?instrument=smiley&{March}");
        Assert.Contains("data-testid=\"left-out-repeats\">Gentagne tryk udeladt: 2<", html);
        var csv = (await analyst.GetStringAsync($"/dashboard/charts/heat-map.csv?instrument=smiley&{March}")).Split("\r\n");
        var row = Assert.Single(csv, l => l.Contains("\"10–11\"", StringComparison.Ordinal));
        Assert.EndsWith(";\"10–11\";\"6\";\"100,0\";\"\"", row);

        // Another channel or a target group selects no kiosk presses: the heat map and its repeat count are not shown.
        foreach (var filter in new[] { "channel=tablet", "targetGroupSet=udsatte" })
        {
            var other = await analyst.GetStringAsync($"/dashboard?instrument=smiley&{March}&{filter}");
            Assert.DoesNotContain("data-chart=\"heat-map\"", other);
            Assert.DoesNotContain("left-out-repeats", other);
            Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/dashboard/charts/heat-map.csv?instrument=smiley&{March}&{filter}")).StatusCode);
        }
    }

    private static string Tile(string html, string key)
    {
        var start = html.IndexOf($"data-target=\"{key}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no tile {key}");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }
}
