using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Ingest;

/// <summary>A running server sees reference data changed by another process: before, the organisation was read once and kept
/// until restart, so a target group added by <c>config apply</c> was refused by ingest (this test failed on that code); and
/// "the newest version" of an instrument ignored whether it was published, so results used a draft.</summary>
public sealed class ReferenceDataFreshnessTests
{
    private static HttpClient Tablet(BorgerpulsApp app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient tablet, string targetGroup, Dictionary<string, string>? answers = null) =>
        tablet.PostAsJsonAsync("/api/v1/responses", new
        {
            id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now,
            context = new { targetGroup }, answers = answers ?? new Dictionary<string, string> { ["hoert"] = "4" },
        });

    [Fact]
    public async Task A_target_group_added_by_config_apply_in_another_process_is_accepted_by_the_running_server_within_10_seconds()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var tablet = Tablet(app, await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet"));

        // The server is running and has read the organisation: a known group is accepted, the new one is not there yet.
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(tablet, "jobparat")).StatusCode);
        var before = await SubmitAsync(tablet, "nyt-forloeb");
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("context.targetGroup", await before.Content.ReadAsStringAsync());

        var file = Path.Combine(Path.GetTempPath(), $"bp-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "targetGroups": [ { "key": "nyt-forloeb", "names": { "da": "Nyt forløb", "en": "New course" } } ] }""");
        try
        {
            var apply = await CliRunner.RunAsync("config", "apply", file, "--db", database.Value);
            Assert.True(apply.ExitCode == 0, apply.Error);
        }
        finally
        {
            File.Delete(file);
        }

        var applied = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await SubmitAsync(tablet, "nyt-forloeb")).StatusCode;
            if (status != HttpStatusCode.Created)
            {
                await Task.Delay(250);
            }
        }
        while (status != HttpStatusCode.Created && applied.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Created, status);
        await using var db = database.Open();
        var groupId = await db.TargetGroups.Where(g => g.Key == "nyt-forloeb").Select(g => g.Id).SingleAsync();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.TargetGroupId == groupId));
    }

    [Fact]
    public async Task A_catalog_sees_a_target_group_and_a_version_written_through_another_factory_once_its_copy_is_older_than_the_maximum_age()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        // Two factories on one database are two processes as far as the catalog knows: nothing tells one of the other's writes.
        var server = new BorgerpulsDbFactory(database.Target);
        var other = new BorgerpulsDbFactory(database.Target);
        var ct = CancellationToken.None;

        var loaded = Stopwatch.StartNew();
        var index = await server.Catalog.OrganisationAsync(ct);
        var lookup = await server.Catalog.LookupAsync(ct);
        var latest = (await server.Catalog.LatestAsync("borgeroplevelse-5", ct))!;
        // Each copy is stamped when its read ends: at most loaded.Elapsed old, at least held.Elapsed old.
        var held = Stopwatch.StartNew();
        Assert.DoesNotContain(index.TargetGroups.Values, g => g.Key == "nyt-forloeb");

        await using (var db = other.Create())
        {
            db.TargetGroups.Add(new TargetGroup { Key = "nyt-forloeb", Names = new LocalizedText(new Dictionary<string, string> { ["da"] = "Nyt forløb" }) });
            var instrument = await db.Instruments.SingleAsync(i => i.Key == "borgeroplevelse-5");
            db.InstrumentVersions.Add(new InstrumentVersion
            {
                InstrumentId = instrument.Id, Number = latest.VersionNumber + 1, PublishedAt = DateTime.UtcNow, ContentHash = "next",
                Questions = [new Question { Key = "ny", Position = 0, Type = QuestionType.FreeText, Texts = new LocalizedText(new Dictionary<string, string> { ["da"] = "Ny" }) }],
            });
            await db.SaveChangesAsync(ct);
        }

        // Within the maximum age the copy stands: queries do not read the organisation again each time.
        var again = await server.Catalog.OrganisationAsync(ct);
        if (loaded.Elapsed < ReferenceData.MaxAge)
        {
            Assert.Same(index, again);
        }

        // Past it, the next read sees the other process's change, in every part of the catalog.
        var waited = ReferenceData.MaxAge - held.Elapsed;
        if (waited > TimeSpan.Zero)
        {
            await Task.Delay(waited + TimeSpan.FromMilliseconds(100));
        }
        Assert.Contains((await server.Catalog.OrganisationAsync(ct)).TargetGroups.Values, g => g.Key == "nyt-forloeb");
        Assert.True((await server.Catalog.LookupAsync(ct)).TargetGroups.ContainsKey("nyt-forloeb"));
        Assert.False(lookup.TargetGroups.ContainsKey("nyt-forloeb"));
        var newest = (await server.Catalog.LatestAsync("borgeroplevelse-5", ct))!;
        Assert.Equal(latest.VersionNumber + 1, newest.VersionNumber);
        Assert.Equal("ny", Assert.Single(newest.Questions).Key);
    }

    [Fact]
    public async Task A_draft_version_newer_than_the_published_one_is_used_neither_by_ingest_nor_by_results()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        int publishedNumber;
        await using (var db = database.Open())
        {
            // Nothing in the app writes drafts today, but the schema allows them; one is written directly, as a future editor might.
            var instrument = await db.Instruments.Include(i => i.Versions).SingleAsync(i => i.Key == "borgeroplevelse-5");
            publishedNumber = instrument.Versions.Max(v => v.Number);
            instrument.Versions.Add(new InstrumentVersion
            {
                Number = publishedNumber + 1, PublishedAt = null, ContentHash = "draft",
                Questions = [new Question { Key = "kladde", Position = 0, Type = QuestionType.FreeText, Texts = new LocalizedText(new Dictionary<string, string> { ["da"] = "Kladde" }) }],
            });
            await db.SaveChangesAsync();
        }
        var tablet = Tablet(app, await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet"));

        var toDraft = await SubmitAsync(tablet, "jobparat", new Dictionary<string, string> { ["kladde"] = "tekst" });
        Assert.Equal(HttpStatusCode.BadRequest, toDraft.StatusCode);
        Assert.Contains("answers.kladde", await toDraft.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(tablet, "jobparat")).StatusCode);

        await using (var db = database.Open())
        {
            var storedVersion = await db.Responses.Select(r => r.InstrumentVersionId).SingleAsync();
            Assert.Equal(publishedNumber, await db.InstrumentVersions.Where(v => v.Id == storedVersion).Select(v => v.Number).SingleAsync());
        }
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        using var results = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/results?instrument=borgeroplevelse-5"));
        var questions = results.RootElement.GetProperty("groups")[0].GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()).ToList();
        Assert.Contains("hoert", questions);
        Assert.DoesNotContain("kladde", questions);
    }
}
