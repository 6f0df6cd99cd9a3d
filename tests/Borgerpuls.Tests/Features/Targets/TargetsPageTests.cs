using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Targets;

/// <summary>The targets page on the answers of <see cref="Borgerpuls.Tests.Features.Results.TargetQueryTests"/>: in 2026, 16 of
/// 20 answered "samtale" positively (80 %); the mean of "samtale" is (16 × 5 + 4 × 1) / 20 = 4.2. Values by hand.</summary>
public sealed class TargetsPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await Borgerpuls.Tests.Features.Results.TargetQueryTests.SeedAsync();
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static (string, string)[] Form(string name, string threshold, params (string, string)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name, ["Metric"] = "Positive", ["Aggregation"] = "Question", ["Question"] = "samtale", ["Direction"] = "AtLeast",
            ["Threshold"] = threshold, ["Population"] = "", ["JobCentre"] = "", ["Year"] = "2026",
        };
        foreach (var (key, value) in changes) fields[key] = value;
        return fields.Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    private static string Query((string Name, string Value)[] form) =>
        string.Join("&", form.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    private static Task<string> PreviewAsync(HttpClient client, (string, string)[] form, string extra = "") =>
        client.GetStringAsync($"/targets/edit?handler=Preview&fragment=true&Instrument=vive-7&{Query(form)}{extra}");

    [Fact]
    public async Task The_preview_judges_the_threshold_as_it_is_typed_and_the_saved_target_is_judged_alike_on_the_dashboard()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var missed = await PreviewAsync(analyst, Form("Samtalen 2026", "85"));
        Assert.Contains("data-testid=\"preview-value\">80,0 pct.", missed);
        Assert.Contains("Mål: mindst 85 pct.", missed);
        Assert.Contains("Ikke opfyldt", missed);
        Assert.Contains("Vurderet på 20 besvarelser.", missed);
        Assert.DoesNotContain("<html", missed); // a fragment for the script, not a page
        var met = await PreviewAsync(analyst, Form("Samtalen 2026", "75"));
        Assert.Contains("tile met", met);
        Assert.DoesNotContain("Ikke opfyldt", met);
        Assert.Contains("Not met", await PreviewAsync(analyst, Form("Samtalen 2026", "85"), "&culture=en&ui-culture=en"));
        // A mean on the question's own scale (1–5), typed with a Danish decimal comma.
        var mean = await PreviewAsync(analyst, Form("Samtalen 2026", "3,8", ("Metric", "Mean")));
        Assert.Contains("data-testid=\"preview-value\">4,20", mean);
        Assert.Contains("Mål: mindst 3,80", mean);

        var created = await analyst.PostAsync("/targets/edit?instrument=vive-7",
            await StaffLogin.FormOfPairsAsync(analyst, "/targets/edit?instrument=vive-7", Form("Samtalen 2026", "82,5 %")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await analyst.GetStringAsync("/targets");
        Assert.Contains("Måltallet »Samtalen 2026« er oprettet.", list);
        Assert.Contains("Mindst 82,5 pct.", list);
        await using (var db = _database.Open())
        {
            var target = await db.Targets.Include(x => x.Instrument).SingleAsync(x => x.Name == "Samtalen 2026");
            Assert.Equal(("samtalen-2026", "vive-7", "samtale", 2026, TargetMetric.Positive), (target.Key, target.Instrument!.Key, target.QuestionKey, target.Year, target.Metric));
            Assert.Equal(0.825, target.Threshold, 12);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "target.create" && a.Details!.Contains("samtalen-2026")));
        }
        // 80 % < 82.5 %: the dashboard says what the preview said.
        var dashboard = await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12");
        Assert.Matches("<li class=\"tile not-met\" data-target=\"samtalen-2026\">", dashboard);
    }

    [Fact]
    public async Task An_existing_target_is_changed_in_place_under_its_own_key()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        int id;
        await using (var db = _database.Open()) id = await db.Targets.Where(x => x.Key == "alle-2026").Select(x => x.Id).SingleAsync();

        var form = await analyst.GetStringAsync($"/targets/edit/{id}");
        Assert.Contains("value=\"85\"", form);
        Assert.DoesNotContain(">Targets.", form); // every choice of every list has its text
        Assert.Contains("name=\"Year\" value=\"2026\"", form);
        Assert.Contains("<option value=\"samtale\" selected=\"selected\">1. ", form);
        var saved = await analyst.PostAsync($"/targets/edit/{id}", await StaffLogin.FormOfPairsAsync(analyst, $"/targets/edit/{id}",
            Form("Alle borgere 2026: mindst 70 %", "70")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = _database.Open())
        {
            var target = await db.Targets.SingleAsync(x => x.Id == id);
            Assert.Equal(("alle-2026", "Alle borgere 2026: mindst 70 %"), (target.Key, target.Name));
            Assert.Equal(0.70, target.Threshold, 12);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "target.update" && a.Details!.Contains("alle-2026")));
        }
        Assert.Matches("<li class=\"tile met\" data-target=\"alle-2026\">", await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12"));
    }

    [Fact]
    public async Task Every_problem_of_the_form_is_named_in_the_preview_and_on_saving_and_nothing_is_saved()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var bad = Form(" ", "abc", ("Metric", "Mean"), ("Aggregation", "MeanOfQuestions"), ("Population", "set:findes-ikke"), ("JobCentre", "jc-findes-ikke"), ("Year", "20x6"));

        var preview = await PreviewAsync(analyst, bad);
        Assert.Contains("data-testid=\"preview-problems\"", preview);
        Assert.Contains("Giv måltallet et navn (højst 200 tegn).", preview);

        var refused = await analyst.PostAsync("/targets/edit?instrument=vive-7", await StaffLogin.FormOfPairsAsync(analyst, "/targets/edit?instrument=vive-7", bad));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        foreach (var expected in new[]
        {
            "Giv måltallet et navn (højst 200 tegn).", "Et gennemsnit på skalaen gælder ét spørgsmål; vælg »ét spørgsmål«.",
            "Grænsen »abc« er ikke et tal.", "Ukendt målgruppe eller målgruppesamling: findes-ikke", "Ukendt jobcenter: jc-findes-ikke",
            "Året »20x6« kan ikke læses (skriv fx 2026).",
        })
        {
            Assert.Contains(expected, html);
        }
        var outOfRange = await (await analyst.PostAsync("/targets/edit?instrument=vive-7", await StaffLogin.FormOfPairsAsync(analyst,
            "/targets/edit?instrument=vive-7", Form("For høj", "120")))).Content.ReadAsStringAsync();
        Assert.Contains("En andel ligger mellem 0 og 100 pct.", outOfRange);
        Assert.Contains("Et gennemsnit på dette spørgsmål ligger mellem 1 og 5.", await PreviewAsync(analyst, Form("Gennemsnit", "7", ("Metric", "Mean"))));
        Assert.Contains("Tallet: »Bogus« kan ikke læses.", await PreviewAsync(analyst, Form("X", "50", ("Metric", "Bogus"))).ContinueWith(t => WebUtility.HtmlDecode(t.Result)));

        await using var db = _database.Open();
        Assert.Equal(3, await db.Targets.CountAsync(x => x.Key == "alle-2026" || x.Key == "udsatte-samtale" || x.Key == "nord-2026"));
        Assert.False(await db.Targets.AnyAsync(x => x.Name == "For høj" || x.Name == ""));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("target.")));
    }

    [Fact]
    public async Task The_same_form_sent_twice_or_twice_at_once_creates_one_target()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        async Task<HttpResponseMessage> SendAsync(string name) => await analyst.PostAsync("/targets/edit?instrument=vive-7",
            await StaffLogin.FormOfPairsAsync(analyst, "/targets/edit?instrument=vive-7", Form(name, "80")));

        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync("Dobbelt")).StatusCode);
        var again = await SendAsync("Dobbelt");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Der findes allerede et måltal ved navn »Dobbelt« for dette spørgeskema.", await again.Content.ReadAsStringAsync());

        var atOnce = await Task.WhenAll(SendAsync("Samtidig"), SendAsync("Samtidig"));
        Assert.Single(atOnce, r => r.StatusCode == HttpStatusCode.Redirect);
        await using var db = _database.Open();
        Assert.Equal(1, await db.Targets.CountAsync(x => x.Name == "Dobbelt"));
        Assert.Equal(1, await db.Targets.CountAsync(x => x.Name == "Samtidig"));
    }

    [Fact]
    public async Task Committee_members_and_managers_read_the_targets_and_change_none()
    {
        foreach (var role in new[] { Roles.Committee, Roles.Manager })
        {
            var client = await _app.SignedInClientAsync(role, "jc-nord");
            var list = await client.GetStringAsync("/targets");
            Assert.Contains("Alle borgere 2026: mindst 85 %", list);
            Assert.Contains("Mindst 85 pct.", list);
            Assert.DoesNotContain("/targets/edit", list);
            foreach (var page in new[] { "/targets/edit?instrument=vive-7", $"/targets/edit?handler=Preview&fragment=true&Instrument=vive-7&{Query(Form("X", "50"))}" })
            {
                var denied = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
            }
        }
    }
}
