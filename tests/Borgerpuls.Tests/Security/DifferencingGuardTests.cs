using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Security;

/// <summary>The differencing guard as a committee member or manager meets it: one mechanism behind every output with figures,
/// comparing breakdowns with totals, kept in the database (restarts, other instances and many unrelated requests in
/// between change nothing), and taken one request at a time.</summary>
public sealed class DifferencingGuardTests
{
    private static readonly DateTime October = new(2026, 10, 6, 9, 0, 0, DateTimeKind.Utc);

    private static Spec Answer(string centre, string site, string group, DateTime hour, string code = "5") =>
        new("vive-7", new() { ["samtale"] = code }) { JobCentre = centre, Site = site, TargetGroup = group, Hour = hour, Comment = "Fin samtale om job" };

    /// <summary>jc-nord in October: 20 job-ready (set job-og-uddannelsesparate) and 3 in flex jobs (set udsatte); jc-syd: 12
    /// on unemployment benefit (job-ready) in each of the twelve months up to October.</summary>
    internal static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var specs = Repeat(20, Answer("jc-nord", "nordvej", "jobparat", October))
            .Concat(Repeat(3, Answer("jc-nord", "nordvej", "fleksjob", October, "1")))
            .Concat(Enumerable.Range(0, 12).SelectMany(m => Repeat(12, Answer("jc-syd", "havnegade", "dagpenge", October.AddMonths(-m), m % 2 == 0 ? "4" : "2")))).ToList();
        await WriteAsync(database, specs);
        return database;
    }

    private const string Nord = "instrument=vive-7&where=jobcentre=jc-nord&from=2026-10-01&to=2026-10-31";
    private const string NordJobReady = Nord + "&where=targetGroupSet=job-og-uddannelsesparate";

    public static TheoryData<string> NarrowerOutputs() =>
    [
        "/api/v1/results?" + NordJobReady,
        "/api/v1/results?" + NordJobReady + "&by=channel",
        "/api/v1/results?" + NordJobReady + "&by=channel&by2=jobcentre",
        "/api/v1/export/results?" + NordJobReady + "&by=jobcentre&by2=channel&format=xlsx",
        "/api/v1/export/results?" + NordJobReady + "&format=xlsx",
        "/api/v1/priority-map?" + NordJobReady,
        "/api/v1/comments/themes?" + NordJobReady,
        "/api/v1/compare?" + NordJobReady + "&by=period&a=2026-10&b=2026-09",
        "/api/v1/reports?format=html&" + NordJobReady,
        "/dashboard/charts/bars.csv?instrument=vive-7&jobcentre=jc-nord&targetGroupSet=job-og-uddannelsesparate&from=2026-10&to=2026-10",
    ];

    [Theory]
    [MemberData(nameof(NarrowerOutputs))]
    public async Task Every_output_with_figures_refuses_a_selection_fewer_than_k_from_one_seen_before(string narrower)
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);

        var first = await committee.GetAsync("/api/v1/results?" + Nord);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(23, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups")[0].GetProperty("respondents").GetInt64());

        // 20 of the same 23: the difference would show the three others' answers.
        var second = await committee.GetAsync(narrower);
        var body = await second.Content.ReadAsStringAsync();
        Assert.True(second.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{narrower}: {second.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        Assert.Contains("færre end 5", body);
        // A refused export, report or showing of quotes is not logged as delivered.
        await using (var db = database.Open())
        {
            Assert.Equal(0, db.AuditEntries.Count(e => e.Action == "export.results" || e.Action == "report.download" || e.Action == "comments.view"));
        }

        // The same as before is answered, and an analyst is never refused.
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/api/v1/results?" + Nord)).StatusCode);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/results?" + Nord)).StatusCode);
        Assert.True((await analyst.GetAsync(narrower)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Insight_evidence_is_guarded_like_every_other_output()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var created = await manager.PostAsJsonAsync("/api/v1/insights", new
        {
            date = "2026-10-20", source = "focusGroup", jobcentre = "jc-nord", targetGroup = "jobparat", title = "Fokusgruppe", themes = new[] { "fremdrift" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/results?" + Nord)).StatusCode);
        // The insight's segment (jc-nord, job-ready, October) holds 20 of those 23.
        var evidence = await manager.GetAsync($"/api/v1/insights/{id}/evidence?instrument=vive-7&from=2026-10-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.BadRequest, evidence.StatusCode);
    }

    [Fact]
    public async Task Every_endpoint_that_shows_figures_is_behind_the_guard()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        _ = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // Every endpoint open to committee members shows figures, but the page where a person manages their own tokens and
        // the action plan (titles, owners, dates and status; its figures are in the committee report) and the list of targets
        // (what each measures and its threshold; whether it is met is on the dashboard) and the list of campaigns (what is
        // asked where, when and of whom, and the citizen link; no answers). An insight's evidence, in the API and on its page,
        // is not open to committee members but shows figures too. The service goals count events, not citizens' answers.
        var showsFigures = endpoints.Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Aggregates)
                && e.RoutePattern.RawText?.TrimStart('/') is not ("account/tokens" or "actions" or "targets" or "campaigns" or "service-goals")
                || e.RoutePattern.RawText?.TrimStart('/') is "api/v1/insights/{id:int}/evidence" or "insights/{id:int}").ToList();
        Assert.True(showsFigures.Count >= 10, $"only {showsFigures.Count} found");
        Assert.Contains(showsFigures, e => e.RoutePattern.RawText == "/api/v1/benchmark");
        Assert.Contains(showsFigures, e => e.RoutePattern.RawText?.TrimStart('/') == "dashboard/mirror");
        var unguarded = showsFigures.Where(e => e.Metadata.GetMetadata<Borgerpuls.Security.Anonymity.DisclosureGuardedAttribute>() is null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(unguarded.Count == 0, "Without the differencing guard: " + string.Join(", ", unguarded));
    }

    [Fact]
    public async Task A_breakdown_is_compared_with_a_total_seen_before_and_the_other_way_round()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);
        // By job centre among the job-ready: jc-nord 20 and jc-syd 12, both shown.
        var breakdown = await committee.GetAsync("/api/v1/results?instrument=vive-7&from=2026-10-01&to=2026-10-31&where=targetGroupSet=job-og-uddannelsesparate&by=jobcentre");
        Assert.Equal(HttpStatusCode.OK, breakdown.StatusCode);
        var groups = (await breakdown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([12, 20], groups.Select(g => g.GetProperty("respondents").GetInt64()).Order());

        // jc-nord's total (23) minus its job-ready group (20) would leave 3.
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/v1/results?" + Nord)).StatusCode);

        // The other way round, for a fresh member: the total first, then the breakdown.
        var other = await app.SignedInClientAsync(Roles.Committee);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/results?" + Nord)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.GetAsync("/api/v1/results?instrument=vive-7&from=2026-10-01&to=2026-10-31&where=targetGroupSet=job-og-uddannelsesparate&by=jobcentre")).StatusCode);
    }

    [Fact]
    public async Task Neither_a_restart_nor_many_unrelated_requests_make_the_guard_forget()
    {
        await using var database = await SeedAsync();
        string email;
        await using (var app = new BorgerpulsApp(database))
        {
            email = await app.CreateUserAsync(Roles.Committee);
            var committee = await SignInAsync(app, email);
            Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/api/v1/results?" + Nord)).StatusCode);
            // 66 different selections of jc-syd's twelve months, each at least 12 respondents from every other.
            var answered = 0;
            for (var from = 0; from < 12; from++)
            {
                for (var to = from; to < 12 && answered < 66; to++)
                {
                    var (first, last) = (new DateOnly(2025, 11, 1).AddMonths(from), new DateOnly(2025, 11, 1).AddMonths(to + 1).AddDays(-1));
                    var response = await committee.GetAsync($"/api/v1/results?instrument=vive-7&where=jobcentre=jc-syd&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    answered++;
                }
            }
        }
        await using (var restarted = new BorgerpulsApp(database))
        {
            var committee = await SignInAsync(restarted, email);
            Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/v1/results?" + NordJobReady)).StatusCode);
        }
        await using var db = database.Open();
        Assert.True(db.DisclosedSets.Count() >= 67);
    }

    [Fact]
    public async Task The_same_question_is_answered_again_after_new_answers_arrived_but_a_neighbour_is_not()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/api/v1/results?" + Nord)).StatusCode);

        await WriteAsync(database, Repeat(2, Answer("jc-nord", "nordvej", "jobparat", October)));
        var again = await committee.GetAsync("/api/v1/results?" + Nord.Replace("from=2026-10-01", "from=2026-10-15"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(25, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups")[0].GetProperty("respondents").GetInt64());
        // The job-ready among them (22) are 1 from the 23 shown first and 3 from the 25 shown now.
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/v1/results?" + NordJobReady)).StatusCode);
    }

    [Fact]
    public async Task Two_requests_at_once_cannot_both_pass()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        for (var trial = 0; trial < 4; trial++)
        {
            var committee = await app.SignedInClientAsync(Roles.Committee);
            var both = await Task.WhenAll(committee.GetAsync("/api/v1/results?" + Nord), committee.GetAsync("/api/v1/results?" + NordJobReady));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], both.Select(r => r.StatusCode).Order());
        }
    }

    [Fact]
    public async Task Suppressed_groups_together_hold_at_least_k_and_free_text_never_becomes_a_label()
    {
        // The review's case: 8 respondents in jc-syd, 6 Danish, one Arabic and one Polish speaker; a meeting type stored as
        // free text before meeting types were a fixed list.
        var database = await TestDatabase.CreateAsync();
        await using var _ = database;
        await database.AddDemoOrganisationAsync();
        var answer = Answer("jc-syd", "havnegade", "dagpenge", October) with { Comment = null };
        await WriteAsync(database, Repeat(6, answer).Append(answer with { Language = "ar" }).Append(answer with { Language = "pl", MeetingType = "Jens Hansen 010190-1234 tlf 12345678" }));
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);

        var byLanguage = await committee.GetFromJsonAsync<JsonElement>("/api/v1/results?instrument=vive-7&where=jobcentre=jc-syd&by=language");
        var groups = byLanguage.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.True(g.GetProperty("suppressed").GetBoolean()));

        var byMeeting = await committee.GetStringAsync("/api/v1/results?instrument=vive-7&where=jobcentre=jc-syd&by=meetingType");
        Assert.DoesNotContain("Jens", byMeeting);
        Assert.DoesNotContain("010190", byMeeting);
    }

    private static async Task<HttpClient> SignInAsync(BorgerpulsApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/login", await StaffLogin.FormAsync(client, "/login", new() { ["email"] = email, ["password"] = StaffLogin.Password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
