using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Insights;

public sealed class InsightTests
{
    private static object FocusGroup(string centre = "jc-nord") => new
    {
        date = "2025-06-15", source = "focusGroup", jobcentre = centre, targetGroup = "jobafklaring", title = "Fokusgruppe om jobafklaring",
        themes = new[] { "fremdrift", "respekt-og-tillid", "breve-og-sprog" },
        quotes = new[] { "Der sker ikke noget i min sag", "Ring til mig på 20 30 40 50, mit cpr er 010190-1234" },
    };

    /// <summary>Segment (jc-nord, jobafklaring): 30 answers to <c>fremdrift</c>, 9 positive, 6 neutral, 15 negative; the rest
    /// (jc-centrum, jobparat): 75 answers, 60 / 9 / 6. Everyone says "I høj grad" (positive) to <c>hoert</c>.</summary>
    internal static async Task WriteSegmentAndRestAsync(TestDatabase database)
    {
        Spec Nord(string fremdrift, string? comment) => new("borgeroplevelse-5", new() { ["fremdrift"] = fremdrift, ["hoert"] = "5" })
        { JobCentre = "jc-nord", Site = "nordvej", TargetGroup = "jobafklaring", Comment = comment };
        Spec Centrum(string fremdrift, string? comment) => new("borgeroplevelse-5", new() { ["fremdrift"] = fremdrift, ["hoert"] = "5" })
        { TargetGroup = "jobparat", Comment = comment };
        await WriteAsync(database,
        [
            .. Repeat(9, Nord("5", "Tak for i dag")), .. Repeat(6, Nord("3", null)), .. Repeat(5, Nord("1", "Tak for i dag")),
            .. Repeat(10, Nord("1", "Der sker ingen fremdrift i min sag")),
            .. Repeat(45, Centrum("4", null)), .. Repeat(9, Centrum("3", "Tak for i dag")), .. Repeat(6, Centrum("2", "Der sker ingen fremdrift i min sag")),
            .. Repeat(15, Centrum("5", "Tak for i dag")),
        ]);
    }

    [Fact]
    public async Task A_focus_group_statement_is_checked_against_the_comments_and_the_linked_questions_of_its_segment()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await WriteSegmentAndRestAsync(database);
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var created = await analyst.PostAsJsonAsync("/api/v1/insights", FocusGroup());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var evidence = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/insights/{id}/evidence?instrument=borgeroplevelse-5");

        Assert.Equal("2024-07-01", evidence.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(30, evidence.GetProperty("respondents").GetInt64());
        var themes = evidence.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);

        var progress = themes["fremdrift"];
        Assert.Equal("supported", progress.GetProperty("verdict").GetString());
        Assert.Equal(10.0 / 24, progress.GetProperty("commentShare").GetDouble(), 10);        // 10 of the segment's 24 comments
        Assert.Equal(16.0 / 54, progress.GetProperty("referenceCommentShare").GetDouble(), 10); // 16 of all 54
        var question = progress.GetProperty("questions").EnumerateArray().Single();
        Assert.Equal("fremdrift", question.GetProperty("key").GetString());
        Assert.Equal(0.5, question.GetProperty("negative").GetDouble(), 10);
        Assert.Equal(21.0 / 105, question.GetProperty("referenceNegative").GetDouble(), 10);
        Assert.Equal(0.42, question.GetProperty("negativeDifference").GetDouble(), 10);       // 15/30 − 6/75
        // Two-proportion z-test, pooled p = 21/105 = 0.2: z = 0.42 / √(0.2·0.8·(1/30 + 1/75)) = 4.8606, p = 1.171e-6.
        Assert.Equal("z", question.GetProperty("test").GetString());
        Assert.Equal(1.1706e-6, question.GetProperty("pValue").GetDouble(), 9);

        var respect = themes["respekt-og-tillid"];
        Assert.Equal("not-significant", respect.GetProperty("verdict").GetString());
        Assert.Equal("fisher", respect.GetProperty("questions")[0].GetProperty("test").GetString());
        Assert.Equal(1.0, respect.GetProperty("questions")[0].GetProperty("pValue").GetDouble(), 10);
        Assert.Equal("no-data", themes["breve-og-sprog"].GetProperty("verdict").GetString());
        Assert.Empty(themes["breve-og-sprog"].GetProperty("questions").EnumerateArray());

        await using var db = database.Open();
        var stored = await db.Insights.SingleAsync();
        Assert.Equal("Ring til mig på [TELEFON], mit cpr er [CPR]", stored.Quotes[1]);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "insight.create"));
    }

    [Fact]
    public async Task Bad_input_lists_every_problem_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var response = await analyst.PostAsJsonAsync("/api/v1/insights", new
        {
            date = "2999-01-01", source = "rygte", jobcentre = "jc-mars", targetGroup = "pensionister", title = "", themes = new[] { "vejret" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["date", "jobcentre", "source", "targetGroup", "themes", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("vejret", errors.GetProperty("themes")[0].GetString());

        var unknownField = await analyst.PostAsync("/api/v1/insights", new StringContent("""{"title":"x","mood":"sad"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("mood", await unknownField.Content.ReadAsStringAsync());
        await using var db = database.Open();
        Assert.Equal(0, await db.Insights.CountAsync());
    }

    [Fact]
    public async Task A_manager_records_and_sees_insights_of_their_own_centre_only_and_the_committee_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-centrum");
        var committee = await app.SignedInClientAsync(Roles.Committee);

        var other = await analyst.PostAsJsonAsync("/api/v1/insights", FocusGroup("jc-nord"));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/v1/insights", FocusGroup("jc-nord"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/insights", FocusGroup("jc-centrum"))).StatusCode);

        var seen = await manager.GetFromJsonAsync<JsonElement>("/api/v1/insights");
        Assert.Equal(["jc-centrum"], seen.EnumerateArray().Select(i => i.GetProperty("jobcentre").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/insights/{otherId}/evidence?instrument=vive-7")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync("/api/v1/insights")).StatusCode);
        Assert.Equal(2, (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/insights")).GetArrayLength());
    }
}
