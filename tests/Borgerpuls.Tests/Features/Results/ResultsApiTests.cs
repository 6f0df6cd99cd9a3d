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
        Assert.Contains("Unknown dimension", await bad.Content.ReadAsStringAsync());
    }
}
