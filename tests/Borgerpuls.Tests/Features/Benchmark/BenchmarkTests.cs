using System.Net;
using System.Text.Json;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Benchmark;

/// <summary>The cross-municipal benchmark on a deployment of five municipalities, all answering vive-7's "samtale" (tilfreds5:
/// 5 and 4 positive, 3 neutral, 2 and 1 negative) in October 2026:
/// <list type="bullet">
/// <item>Aabæk (the demo municipality, opted in): jc-centrum 6 × 5, 2 × 3, 2 × 1; jc-nord 5 × 1.</item>
/// <item>Bjerg (opted in): 4 × 4, 1 × 2 — positive 4/5 = 0.80, mean (16 + 2)/5 = 3.6.</item>
/// <item>Dal (opted in): 5 × 5, 15 × 1 — positive 5/20 = 0.25, mean (25 + 15)/20 = 2.0.</item>
/// <item>Fjord (opted in): 4 × 5, 4 × 3 — positive 4/8 = 0.50, mean (20 + 12)/8 = 4.0.</item>
/// <item>Hede (not opted in): 10 × 5 — positive 1.00, mean 5.0.</item>
/// </list>
/// Aabæk sees the others' unweighted average: positive (0.80 + 0.25 + 0.50)/3 = 1.55/3 = 0.5167 → 0.52, mean (3.6 + 2.0 + 4.0)/3
/// = 3.2, from 3 municipalities. (Pooled it would be 13/33 = 0.39; with Hede, (1.55 + 1.00)/4 = 0.64.) Aabæk's own figure:
/// positive 6/15 = 0.40, mean (30 + 6 + 2 + 5)/15 = 43/15 = 2.867; a manager of jc-centrum alone: 6/10 = 0.60, mean 38/10 = 3.8.</summary>
public sealed class BenchmarkTests
{
    private static readonly DateTime October = new(2026, 10, 6, 9, 0, 0, DateTimeKind.Utc);
    private const string Url = "/api/v1/benchmark?instrument=vive-7&from=2026-10-01&to=2026-10-31";

    private static readonly string[] OtherKeys = ["bjerg", "jc-bjerg", "Bjerg Kommune", "dal", "jc-dal", "Dal Kommune", "fjord", "jc-fjord", "Fjord Kommune", "hede", "jc-hede", "Hede Kommune"];

    private static Spec Samtale(string centre, string code) =>
        new("vive-7", new() { ["samtale"] = code }) { JobCentre = centre, Site = null, Hour = October };

    /// <param name="fjordAnswers">Fjord's answers as (count, code); its opt-in with <paramref name="fjordOptedIn"/>.</param>
    internal static async Task<TestDatabase> SeedAsync(bool fjordOptedIn = true)
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using (var db = database.Open())
        {
            var json = $$"""
                { "municipalities": [
                  { "key": "bjerg", "name": "Bjerg Kommune", "benchmark": true, "jobCentres": [ { "key": "jc-bjerg", "name": "Jobcenter Bjerg" } ] },
                  { "key": "dal", "name": "Dal Kommune", "benchmark": true, "jobCentres": [ { "key": "jc-dal", "name": "Jobcenter Dal" } ] },
                  { "key": "fjord", "name": "Fjord Kommune", "benchmark": {{(fjordOptedIn ? "true" : "false")}}, "jobCentres": [ { "key": "jc-fjord", "name": "Jobcenter Fjord" } ] },
                  { "key": "hede", "name": "Hede Kommune", "jobCentres": [ { "key": "jc-hede", "name": "Jobcenter Hede" } ] } ] }
                """;
            await ConfigApplier.ApplyAsync(db, ConfigJson.Parse(json));
            (await db.Municipalities.SingleAsync(m => m.Key == "aabaek")).Benchmark = true;
            await db.SaveChangesAsync();
        }
        await WriteAsync(database,
        [
            .. Repeat(6, Samtale("jc-centrum", "5")), .. Repeat(2, Samtale("jc-centrum", "3")), .. Repeat(2, Samtale("jc-centrum", "1")),
            .. Repeat(5, Samtale("jc-nord", "1")),
            .. Repeat(4, Samtale("jc-bjerg", "4")), Samtale("jc-bjerg", "2"),
            .. Repeat(5, Samtale("jc-dal", "5")), .. Repeat(15, Samtale("jc-dal", "1")),
            .. Repeat(4, Samtale("jc-fjord", "5")), .. Repeat(4, Samtale("jc-fjord", "3")),
            .. Repeat(10, Samtale("jc-hede", "5")),
        ]);
        return database;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement Samtale(JsonElement report) => report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "samtale");

    [Fact]
    public async Task The_average_is_the_unweighted_mean_of_the_other_opted_in_municipalities_and_names_none_of_them()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var response = await analyst.GetAsync(Url + "&municipality=aabaek");
        var body = await response.Content.ReadAsStringAsync();
        var samtale = Samtale(await JsonAsync(response));
        var others = samtale.GetProperty("others");
        Assert.Equal(3, others.GetProperty("municipalities").GetInt32());
        Assert.Equal(0.52, others.GetProperty("positiveShare").GetDouble());
        Assert.Equal(3.2, others.GetProperty("mean").GetDouble());
        Assert.Equal(JsonValueKind.Null, samtale.GetProperty("refused").ValueKind);
        var own = samtale.GetProperty("own");
        Assert.Equal(15, own.GetProperty("base").GetInt64());
        Assert.Equal(0.4, own.GetProperty("positiveShare").GetDouble(), 6);
        Assert.Equal(43.0 / 15, own.GetProperty("mean").GetDouble(), 6);

        // No other municipality's key, name, centre or own figure (0.80, 0.25, 0.50, 1.00; 3.6, 2.0, 4.0, 5.0; bases 5, 20, 8, 10).
        Assert.All(OtherKeys, key => Assert.DoesNotContain(key, body, StringComparison.OrdinalIgnoreCase));
        var numbers = Numbers(JsonDocument.Parse(body).RootElement).Where(n => n is not 5).ToList(); // k is 5
        Assert.All(new[] { 0.8, 0.25, 0.5, 1.0, 3.6, 2.0, 4.0, 20, 8, 10 }, figure => Assert.DoesNotContain(figure, numbers));

        // The questions nobody answered have no average and say why.
        var other = (await JsonAsync(await analyst.GetAsync(Url + "&municipality=aabaek"))).GetProperty("questions").EnumerateArray().First(q => q.GetProperty("key").GetString() != "samtale");
        Assert.Equal("FewerThanThree", other.GetProperty("refused").GetProperty("code").GetString());
        Assert.Equal("Færre end tre andre kommuner bidrager", other.GetProperty("refused").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("others").ValueKind);
    }

    private static IEnumerable<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };

    /// <summary>Fjord out: Bjerg and Dal are only two others.</summary>
    [Fact]
    public async Task With_two_others_the_benchmark_is_refused_in_danish_and_english()
    {
        await using var database = await SeedAsync(fjordOptedIn: false);
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var samtale = Samtale(await JsonAsync(await analyst.GetAsync(Url + "&municipality=aabaek")));
        Assert.Equal(JsonValueKind.Null, samtale.GetProperty("others").ValueKind);
        Assert.Equal("Færre end tre andre kommuner bidrager", samtale.GetProperty("refused").GetProperty("text").GetString());
        // The own figure is still shown: it is the municipality's own.
        Assert.Equal(0.4, samtale.GetProperty("own").GetProperty("positiveShare").GetDouble(), 6);

        var english = Samtale(await JsonAsync(await analyst.GetAsync(Url + "&municipality=aabaek&culture=en")));
        Assert.Equal("Fewer than three other municipalities contribute", english.GetProperty("refused").GetProperty("text").GetString());
    }

    /// <summary>With k = 6 (read from Anonymity:K), Bjerg's 5 answers do not count: Dal and Fjord are two.</summary>
    [Fact]
    public async Task A_municipality_below_k_does_not_contribute_so_three_become_two_and_the_benchmark_is_refused()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database) { Settings = { ["Anonymity:K"] = "6" } };
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var report = await JsonAsync(await analyst.GetAsync(Url + "&municipality=aabaek"));
        Assert.Equal(6, report.GetProperty("k").GetInt32());
        var samtale = Samtale(report);
        Assert.Equal("FewerThanThree", samtale.GetProperty("refused").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, samtale.GetProperty("others").ValueKind);
    }

    /// <summary>Hede has not opted in: asked for Hede, nothing but the refusal; and Hede's 10 × 5 never moved Aabæk's average
    /// (0.52, not 0.64 — see the class comment).</summary>
    [Fact]
    public async Task A_municipality_that_has_not_opted_in_neither_sees_nor_contributes()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var hede = await JsonAsync(await analyst.GetAsync(Url + "&municipality=hede"));
        Assert.Equal("NotOptedIn", hede.GetProperty("refused").GetProperty("code").GetString());
        Assert.Empty(hede.GetProperty("questions").EnumerateArray());

        var bjerg = Samtale(await JsonAsync(await analyst.GetAsync(Url + "&municipality=bjerg")));
        // Bjerg sees Aabæk, Dal and Fjord: (0.40 + 0.25 + 0.50)/3 = 0.3833 → 0.38; mean (2.867 + 2.0 + 4.0)/3 = 2.956 → 3.0.
        Assert.Equal(0.38, bjerg.GetProperty("others").GetProperty("positiveShare").GetDouble());
        Assert.Equal(3.0, bjerg.GetProperty("others").GetProperty("mean").GetDouble());
    }

    /// <summary>A manager of jc-centrum sees jc-centrum as the own figure (6/10), the same average, and no other municipality;
    /// an analyst must say which municipality; an unknown one is named in the error.</summary>
    [Fact]
    public async Task Each_role_sees_only_its_own_scope()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);

        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-centrum");
        var samtale = Samtale(await JsonAsync(await manager.GetAsync(Url)));
        Assert.Equal(10, samtale.GetProperty("own").GetProperty("base").GetInt64());
        Assert.Equal(0.6, samtale.GetProperty("own").GetProperty("positiveShare").GetDouble(), 6);
        Assert.Equal(0.52, samtale.GetProperty("others").GetProperty("positiveShare").GetDouble());
        var foreign = await manager.GetAsync(Url + "&municipality=bjerg");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("kun se sammenligningen for din egen kommune", await foreign.Content.ReadAsStringAsync());

        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var unnamed = await analyst.GetAsync(Url);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("Vælg kommune", await unnamed.Content.ReadAsStringAsync());
        Assert.Contains("Unknown municipality: nowhere", await (await analyst.GetAsync(Url + "&municipality=nowhere&culture=en")).Content.ReadAsStringAsync());

        // Committee members see it too, behind the differencing guard; citizens and devices not at all.
        var committee = await app.SignedInClientAsync(Roles.Committee);
        Assert.Equal(0.52, Samtale(await JsonAsync(await committee.GetAsync(Url + "&municipality=aabaek"))).GetProperty("others").GetProperty("positiveShare").GetDouble());
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url + "&municipality=aabaek")).StatusCode);
    }

    /// <summary>The own figure is a respondent set like any other: a committee member who saw Aabæk's October (15) is refused
    /// September–October (17) — the difference would show the two September answers — and an analyst is not.</summary>
    [Fact]
    public async Task The_own_figure_is_behind_the_differencing_guard()
    {
        await using var database = await SeedAsync();
        await WriteAsync(database, Repeat(2, Samtale("jc-centrum", "5") with { Hour = October.AddMonths(-1) }));
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);
        const string wider = "/api/v1/benchmark?instrument=vive-7&from=2026-09-01&to=2026-10-31&municipality=aabaek";

        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync(Url + "&municipality=aabaek")).StatusCode);
        var refused = await committee.GetAsync(wider);
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{refused.StatusCode}");
        Assert.Contains("færre end 5", await refused.Content.ReadAsStringAsync());
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(Url + "&municipality=aabaek")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(wider)).StatusCode);
    }

    private static string Row(string html, string question) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<tr data-benchmark-question=\"{question}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    /// <summary>The dashboard shows the selected centre's municipality (Aabæk: 40 pct., 2,9) beside the others (52 pct., 3,2,
    /// from 3), in Danish and English; without a centre an analyst is asked to choose one; a manager sees their centre.</summary>
    [Fact]
    public async Task The_dashboard_shows_the_own_municipality_beside_the_others_average()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        const string dashboard = "/dashboard?instrument=vive-7&from=2026-10&to=2026-10";

        var html = await analyst.GetStringAsync(dashboard + "&jobcentre=jc-centrum");
        Assert.Contains("Andre kommuner (gennemsnit)", html);
        var row = Row(html, "samtale");
        Assert.Contains(">40 pct.<", row);
        Assert.Contains(">2,9<", row);
        Assert.Contains(">52 pct.<", row);
        Assert.Contains(">3,2<", row);
        Assert.Contains(">3<", row);
        Assert.Contains("Færre end tre andre kommuner bidrager", Row(html, "behandling"));
        // The filter lists every job centre an analyst may choose; the section itself names no other municipality.
        var section = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"dashboard-benchmark\"(.*?)</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Aabæk Kommune", section);
        Assert.All(OtherKeys, key => Assert.DoesNotContain(key, section, StringComparison.OrdinalIgnoreCase));

        var english = await analyst.GetStringAsync(dashboard + "&jobcentre=jc-centrum&culture=en&ui-culture=en");
        Assert.Contains("Other municipalities (average)", english);
        Assert.Contains(">52%<", Row(english, "samtale"));

        Assert.Contains("Vælg et jobcenter", await analyst.GetStringAsync(dashboard));
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-centrum");
        var managers = Row(await manager.GetStringAsync(dashboard), "samtale");
        Assert.Contains(">60 pct.<", managers);
        Assert.Contains(">3,8<", managers);
    }

    /// <summary>The committee report carries the same section in HTML, Word and Excel; without opted-in municipalities it has none.</summary>
    [Fact]
    public async Task The_committee_report_has_the_section_in_every_format()
    {
        await using var database = await SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        const string report = "/api/v1/reports?instrument=vive-7&from=2026-10-01&to=2026-10-31&where=jobcentre=jc-centrum&format=";

        var html = await analyst.GetStringAsync(report + "html");
        Assert.Contains("Andre kommuner (gennemsnit)", html);
        Assert.Contains("52 pct.", html);
        Assert.Contains("Færre end tre andre kommuner bidrager", html);
        // Names and centre keys (a bare key such as "hede" is also a piece of Danish words).
        Assert.All(OtherKeys.Where(key => key.Contains('-') || key.Contains(' ')), key => Assert.DoesNotContain(key, html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Other municipalities (average)", await analyst.GetStringAsync(report + "html&culture=en"));
        foreach (var format in new[] { "docx", "xlsx" })
        {
            var file = await analyst.GetAsync(report + format);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Contains("Andre kommuner", Text(await file.Content.ReadAsByteArrayAsync()));
        }

        await using (var db = database.Open())
        {
            await db.Municipalities.ExecuteUpdateAsync(m => m.SetProperty(x => x.Benchmark, false));
        }
        Assert.DoesNotContain("Andre kommuner (gennemsnit)", await analyst.GetStringAsync(report + "html"));
    }

    /// <summary>All text in a Word or Excel file (both are zip archives of XML).</summary>
    private static string Text(byte[] file)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
