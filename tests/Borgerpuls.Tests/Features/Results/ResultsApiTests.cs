using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

public sealed class ResultsApiTests
{
    [Fact]
    public async Task Committee_gets_no_figures_for_a_suppressed_cell_and_a_manager_nothing_of_another_centre()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var spec = new Spec("vive-7", new() { ["samtale"] = "5" });
        await WriteAsync(database, Repeat(40, spec with { TargetGroup = "jobparat" }).Concat(Repeat(2, spec with { TargetGroup = "revalidering", Answers = new() { ["samtale"] = "1" } }))
            .Concat(Repeat(8, spec with { TargetGroup = "fleksjob", JobCentre = "jc-nord", Site = "nordvej" })));
        await using var app = new BorgerpulsApp(database);

        var committee = await app.SignedInClientAsync(Roles.Committee);
        var body = await committee.GetStringAsync("/api/v1/results?instrument=vive-7&by=targetGroup");
        using var json = JsonDocument.Parse(body);
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetProperty("targetGroup").GetString()!);
        Assert.True(groups["revalidering"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, groups["revalidering"].GetProperty("respondents").ValueKind);
        Assert.All(groups["revalidering"].GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("positive").ValueKind));
        Assert.True(groups["fleksjob"].GetProperty("suppressed").GetBoolean()); // complementary
        Assert.Equal(40, groups["jobparat"].GetProperty("respondents").GetInt32());

        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        using var scoped = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/results?instrument=vive-7&by=jobcentre"));
        Assert.Equal(["jc-nord"], scoped.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetProperty("jobcentre").GetString()));
        using var other = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/results?instrument=vive-7&where=jobcentre=jc-centrum"));
        Assert.True(other.RootElement.GetProperty("groups")[0].GetProperty("suppressed").GetBoolean());

        var exported = await manager.GetStringAsync("/api/v1/export/results?instrument=vive-7&by=jobcentre&delimiter=,");
        Assert.Contains("Jobcenter Aabæk Nord", exported);
        Assert.DoesNotContain("Jobcenter Aabæk Centrum", exported);

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/results?instrument=vive-7")).StatusCode);
        var bad = await committee.GetAsync("/api/v1/results?instrument=vive-7&by=farve");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("Ukendt dimension »farve«", await QueryErrorAsync(bad));
    }

    [Fact]
    public async Task A_question_that_cannot_be_answered_is_explained_in_danish_unless_english_is_asked_for()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        // Each API that answers results questions, with the first problem it finds: in the request, its keys or its breakdown.
        (string Url, string Danish, string English)[] cases =
        [
            ("/api/v1/results?instrument=vive-7&by=farve", "Ukendt dimension »farve«; brug en af: jobcentre, site", "Unknown dimension 'farve'; use one of: jobcentre, site"),
            ("/api/v1/results?instrument=vive-7&from=2025-06-01&to=2025-01-01", "--to ligger før --from.", "--to is before --from."),
            ("/api/v1/priority-map?instrument=findes-ikke", "Ukendt spørgeskema »findes-ikke«.", "Unknown instrument 'findes-ikke'."),
            ("/api/v1/export/results?instrument=vive-7&where=jobcentre=findes-ikke", "Ukendt jobcenter »findes-ikke«.", "Unknown job centre 'findes-ikke'."),
            ("/api/v1/comments/themes?instrument=vive-7&where=channel=fax", "Ukendt kanal »fax«.", "Unknown channel 'fax'."),
            ("/api/v1/reports?instrument=vive-7&by=period", "Rapporten viser selv udviklingen over perioder", "The report shows trends by period on its own"),
        ];
        foreach (var (url, danish, english) in cases)
        {
            Assert.StartsWith(danish, await QueryErrorAsync(await analyst.GetAsync(url)), StringComparison.Ordinal);
            Assert.StartsWith(english, await QueryErrorAsync(await analyst.GetAsync(url + "&culture=en")), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("en-GB,da;q=0.5");
            Assert.StartsWith(english, await QueryErrorAsync(await analyst.SendAsync(request)), StringComparison.Ordinal);
        }
        (string Url, string Danish, string English)[] formats =
        [
            ("/api/v1/reports?instrument=vive-7&format=pdf", "Ukendt format »pdf«; vælg docx, xlsx eller html.", "Unknown format 'pdf'; use docx, xlsx or html."),
            ("/api/v1/export/results?instrument=vive-7&format=pdf", "Ukendt format »pdf«; vælg csv eller xlsx.", "Unknown format 'pdf'; use csv or xlsx."),
            ("/api/v1/export/responses?instrument=vive-7&format=pdf", "Ukendt format »pdf«; vælg csv eller xlsx.", "Unknown format 'pdf'; use csv or xlsx."),
        ];
        await using var db = database.Open();
        var audited = await db.AuditEntries.CountAsync();
        foreach (var (url, danish, english) in formats)
        {
            foreach (var (suffix, message) in new[] { ("", danish), ("&culture=en", english) })
            {
                var refused = await analyst.GetAsync(url + suffix);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Equal(message, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("format")[0].GetString());
            }
        }
        // A refused format exports nothing, so nothing is audited as exported.
        Assert.Equal(audited, await db.AuditEntries.CountAsync());
    }

    /// <summary>The message of a refused results question: a 400 validation problem under <c>query</c>.</summary>
    internal static async Task<string> QueryErrorAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty("query")[0].GetString()!;
    }
}
