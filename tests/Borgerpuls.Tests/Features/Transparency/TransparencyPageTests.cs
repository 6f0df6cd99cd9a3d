using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Transparency;

/// <summary>The public transparency page and its publishing. Answers in March 2026 at Jobcenter Aabæk Centrum on vive-7's
/// question 1 ("samtale"): 30 jobparat answer 5, 3 sygedagpenge answer 1, 10 fleksjob answer 3 (neutral) — 43 in all.
/// By hand: positive 30/43 = 69.8 % → "70 pct."; Wilson 95 %: centre (30/43 + 1.96²/86) / (1 + 1.96²/43) = 0.6815, half
/// width 1.96 × √(0.6977 × 0.3023 / 43 + 1.96² / 7396) / 1.0893 = 0.1325 → 54.9 %–81.4 % → "mellem 55 og 81 pct.".
/// By target group with k = 5: sygedagpenge (3) is below k; fleksjob (10, 0 % positive) is hidden with it, or the total
/// minus jobparat minus fleksjob would give sygedagpenge away; jobparat shows 30/30 = 100 %.</summary>
public sealed class TransparencyPageTests : IAsyncLifetime
{
    private const string Public = "/offentlig/aabaek";
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private int _centrumAction, _nordAction;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        static Spec Samtale(string code, string group) =>
            new("vive-7", new() { ["samtale"] = code }) { TargetGroup = group, Hour = new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc) };
        await WriteAsync(_database, Repeat(30, Samtale("5", "jobparat")).Concat(Repeat(3, Samtale("1", "sygedagpenge"))).Concat(Repeat(10, Samtale("3", "fleksjob"))));
        await using (var db = _database.Open())
        {
            var nord = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync();
            var centrum = db.Actions.Add(new ActionItem
            {
                Title = "Kortere ventetid i receptionen", Description = "Flere skranker åbne om morgenen.", InstrumentKey = "vive-7", QuestionKeys = ["samtale"],
                Status = ActionStatus.InProgress, StartsOn = new DateOnly(2026, 4, 1), Deadline = new DateOnly(2026, 9, 30),
            }).Entity;
            var other = db.Actions.Add(new ActionItem { Title = "Nordvej: ny skiltning", InstrumentKey = "vive-7", JobCentreId = nord, Status = ActionStatus.Planned }).Entity;
            await db.SaveChangesAsync();
            (_centrumAction, _nordAction) = (centrum.Id, other.Id);
        }
        _app = new BorgerpulsApp(_database) { Settings = { ["Transparency:FrameAncestors"] = "https://www.aabaek.dk" } };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private (string, string)[] Form(string scope = "aabaek", params int[] actions) =>
        [("Scope", scope), ("Instrument", "vive-7"), ("From", "2026-01"), ("To", "2026-06"), .. actions.Select(a => ("Actions", a.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private static string Query((string Name, string Value)[] form) => string.Join("&", form.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>Shows the preview and sends its publish form, as the analyst's browser does.</summary>
    private async Task<(HttpResponseMessage Response, string Preview)> PublishAsync(HttpClient analyst, (string, string)[] form)
    {
        var previewUrl = "/transparency?handler=Preview&" + Query(form);
        var preview = await analyst.GetStringAsync(previewUrl);
        var key = Regex.Match(preview, "name=\"PublishKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await analyst.PostAsync("/transparency?handler=Publish", await StaffLogin.FormOfPairsAsync(analyst, previewUrl, [.. form, ("PublishKey", key)]));
        return (response, preview);
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "\\s+", " "));

    [Fact]
    public async Task Nothing_is_public_before_publishing_and_the_published_page_shows_the_frozen_suppressed_figures()
    {
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public + "/indlejret")).StatusCode);

        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        await analyst.GetStringAsync("/transparency?handler=Preview&" + Query(Form()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public)).StatusCode); // a preview publishes nothing
        var (published, preview) = await PublishAsync(analyst, Form("aabaek", _centrumAction));
        Assert.Contains("70 pct. svarede positivt – med stor sandsynlighed mellem 55 og 81 pct.", Text(preview));
        // The publish form carries its own antiforgery token, as a browser sends it (not only the page's other forms).
        Assert.Matches("(?s)action=\"/transparency\\?handler=Publish\">\\s*<input[^>]*name=\"Scope\".*?name=\"__RequestVerificationToken\"[^<]*</form>", preview);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = Text(await anonymous.GetStringAsync(Public));
        Assert.Contains("<h1>Aabæk Kommune: Det siger borgerne</h1>", page);
        Assert.Contains("43 borgere har svaret.", page);
        Assert.Contains("70 pct. svarede positivt – med stor sandsynlighed mellem 55 og 81 pct. <span class=\"muted\">(43 svar)</span>", page);
        Assert.Contains("januar–juni 2026", page);
        // Below k, and hidden with it: each says why, and neither shows a figure (fleksjob's 0 % would read "i gennemsnit 0 pct.").
        Assert.Matches("Sygedagpenge[^<]*:</strong> <span class=\"suppressed\">Ikke vist: færre end 5 svar.</span>", page);
        Assert.Matches("Fleksjob[^<]*:</strong> <span class=\"suppressed\">Ikke vist: skjult, så små grupper ikke kan regnes ud.</span>", page);
        Assert.DoesNotContain("i gennemsnit 0 pct.", page);
        Assert.Matches("Jobparat[^<]*:</strong> i gennemsnit 100 pct. positive svar", page);
        // Target: job- og uddannelsesparate (jobparat's set) 30/30 = 100 % ≥ 79 %: met.
        Assert.Matches("Job- og uddannelsesparate: mindst 79 % positive.*?Resultat: 100,0 pct. <strong><span aria-hidden=\"true\">✔</span> Opfyldt", page);
        Assert.Contains("Det har I sagt – det gør vi", page);
        Assert.Contains("Kortere ventetid i receptionen</strong> – status: I gang", page);
        Assert.Contains("Frist: ", page);
        Assert.DoesNotContain("Nordvej: ny skiltning", page); // not chosen
        await using (var db = _database.Open())
        {
            var snapshot = await db.TransparencySnapshots.SingleAsync();
            Assert.Equal(("aabaek", "vive-7", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), (snapshot.ScopeKey, snapshot.InstrumentKey, snapshot.From, snapshot.To));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "transparency.publish" && a.Details!.Contains($"snapshot {snapshot.Id} aabaek vive-7 2026-01–2026-06")));
        }

        // English, from the same frozen figures.
        var english = Text(await anonymous.GetStringAsync(Public + "?culture=en&ui-culture=en"));
        Assert.Contains("70% answered positively – very likely between 55 and 81% <span class=\"muted\">(43 answers)</span>", english);
        Assert.Contains("43 citizens answered.", english);
        Assert.Contains("Not shown: fewer than 5 answers.", english);
        Assert.Contains("You said – this is what we do", english);

        // Twenty more answers after publishing: the page keeps the published figures, also on a server that starts afresh
        // (the figures are stored, not recomputed), while a new preview sees them.
        await WriteAsync(_database, Repeat(20, new Spec("vive-7", new() { ["samtale"] = "1" }) { TargetGroup = "jobparat", Hour = new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc) }));
        Assert.Contains("43 borgere har svaret.", Text(await anonymous.GetStringAsync(Public)));
        await using (var restarted = new BorgerpulsApp(_database))
        {
            var fresh = Text(await restarted.CreateClient().GetStringAsync(Public));
            Assert.Contains("43 borgere har svaret.", fresh);
            Assert.Contains("70 pct. svarede positivt", fresh);
        }
        Assert.Contains("63 borgere har svaret.", Text(await analyst.GetStringAsync("/transparency?handler=Preview&" + Query(Form()))));
    }

    [Fact]
    public async Task A_withdrawn_snapshot_is_gone_from_the_public_page_with_a_danish_page_and_the_withdrawal_is_audited()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        await PublishAsync(analyst, Form());
        int id;
        await using (var db = _database.Open()) id = await db.TransparencySnapshots.Select(s => s.Id).SingleAsync();
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Public)).StatusCode);

        // Three clicks at once: one withdraws and is audited, the others find it done.
        var forms = new List<FormUrlEncodedContent>();
        for (var i = 0; i < 3; i++) forms.Add(await StaffLogin.FormOfPairsAsync(analyst, "/transparency", ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var withdrawn = await Task.WhenAll(forms.Select(f => analyst.PostAsync("/transparency?handler=Withdraw", f)));
        Assert.All(withdrawn, w => Assert.Equal(HttpStatusCode.Redirect, w.StatusCode));
        foreach (var path in new[] { Public, Public + "/indlejret" })
        {
            var gone = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            var html = Text(await gone.Content.ReadAsStringAsync());
            Assert.Contains("Tallene er trukket tilbage", html);
            Assert.DoesNotContain("svarede positivt", html);
        }
        // Withdrawing again changes nothing and is not audited twice.
        await analyst.PostAsync("/transparency?handler=Withdraw", await StaffLogin.FormOfPairsAsync(analyst, "/transparency", ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await using (var db = _database.Open())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "transparency.withdraw" && a.Details!.StartsWith($"snapshot {id} aabaek")));
            Assert.NotNull((await db.TransparencySnapshots.SingleAsync()).WithdrawnAt);
        }
        Assert.Contains("Trukket tilbage", Text(await analyst.GetStringAsync("/transparency")));
        // Another scope never published answers 404, not 410.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/offentlig/jc-nord")).StatusCode);
    }

    [Fact]
    public async Task Only_analysts_and_administrators_publish()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var previewUrl = "/transparency?handler=Preview&" + Query(Form());
        var key = Regex.Match(await analyst.GetStringAsync(previewUrl), "name=\"PublishKey\" value=\"([^\"]+)\"").Groups[1].Value;
        foreach (var role in new[] { Roles.Committee, Roles.Manager })
        {
            var client = await _app.SignedInClientAsync(role, "jc-centrum");
            var page = await client.GetAsync("/transparency");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/access-denied", page.Headers.Location!.OriginalString);
            // With a valid form token (from a page the role may open): refused by the role, not by the token.
            var post = await client.PostAsync("/transparency?handler=Publish", await StaffLogin.FormOfPairsAsync(client, "/", [.. Form(), ("PublishKey", key)]));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Equal("/access-denied", post.Headers.Location!.AbsolutePath);
        }
        var admin = await _app.SignedInClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, Form("jc-centrum"))).Response.StatusCode);
        await using var db = _database.Open();
        Assert.Equal("jc-centrum", (await db.TransparencySnapshots.SingleAsync()).ScopeKey);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "transparency.publish"));
    }

    [Fact]
    public async Task The_same_publish_form_sent_twice_at_once_stores_one_snapshot()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var previewUrl = "/transparency?handler=Preview&" + Query(Form());
        var key = Regex.Match(await analyst.GetStringAsync(previewUrl), "name=\"PublishKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var forms = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => StaffLogin.FormOfPairsAsync(analyst, previewUrl, [.. Form(), ("PublishKey", key)])));
        var responses = await Task.WhenAll(forms.Select(f => analyst.PostAsync("/transparency?handler=Publish", f)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = _database.Open();
        Assert.Equal(1, await db.TransparencySnapshots.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "transparency.publish"));
    }

    [Fact]
    public async Task Every_problem_of_the_form_is_named_at_once_and_nothing_is_published()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        (string, string)[] bad = [("Scope", "jc-findes-ikke"), ("Instrument", "findes-ikke"), ("From", "2026-13"), ("To", "juni"), ("PublishKey", Guid.NewGuid().ToString())];
        var refused = await analyst.PostAsync("/transparency?handler=Publish", await StaffLogin.FormOfPairsAsync(analyst, "/transparency", bad));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Text(await refused.Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "Ukendt kommune eller jobcenter: jc-findes-ikke", "Ukendt spørgeskema: findes-ikke", "Fra-måneden »2026-13« kan ikke læses (skriv fx 2026-01).",
            "Til-måneden »juni« kan ikke læses (skriv fx 2026-12).",
        })
        {
            Assert.Contains(expected, html);
        }
        // Another centre's action cannot be told about on Centrum's page; the months the wrong way round are named too.
        (string, string)[] wrong = [("Scope", "jc-centrum"), ("Instrument", "vive-7"), ("From", "2026-06"), ("To", "2026-01"), ("Actions", _nordAction.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("PublishKey", Guid.NewGuid().ToString())];
        html = Text(await (await analyst.PostAsync("/transparency?handler=Publish", await StaffLogin.FormOfPairsAsync(analyst, "/transparency", wrong))).Content.ReadAsStringAsync());
        Assert.Contains("Fra-måneden ligger efter til-måneden.", html);
        Assert.Contains($"Handling nr. {_nordAction} findes ikke for dette spørgeskema og denne enhed.", html);
        Assert.Contains("The from month is after the to month.", Text(await analyst.GetStringAsync("/transparency?handler=Preview&culture=en&ui-culture=en&" + Query(wrong))));
        await using var db = _database.Open();
        Assert.Equal(0, await db.TransparencySnapshots.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("transparency.")));
    }

    [Fact]
    public async Task A_frame_origin_that_is_not_an_origin_stops_the_server_naming_the_setting()
    {
        await using var broken = new BorgerpulsApp(_database) { Settings = { ["Transparency:FrameAncestors"] = "https://www.aabaek.dk; script-src *" } };
        var e = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("Transparency:FrameAncestors", e.ToString());
    }

    [Fact]
    public async Task Only_the_embeddable_page_may_be_framed_and_only_by_the_configured_origins()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        await PublishAsync(analyst, Form());
        var anonymous = _app.CreateClient();

        var page = await anonymous.GetAsync(Public);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());

        var embedded = await anonymous.GetAsync(Public + "/indlejret");
        Assert.Equal(HttpStatusCode.OK, embedded.StatusCode);
        var csp = embedded.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors https://www.aabaek.dk;", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.False(embedded.Headers.Contains("X-Frame-Options"));
        var embeddedHtml = await embedded.Content.ReadAsStringAsync();
        Assert.Contains("70 pct. svarede positivt", Text(embeddedHtml));
        // In another site's frame no form could post (the site's cookies are not sent): languages are links, no text-size form.
        Assert.DoesNotContain("<form", embeddedHtml);
        Assert.Contains("href=\"?culture=en&amp;ui-culture=en\"", embeddedHtml);
        Assert.Contains("<form", await (await anonymous.GetAsync(Public)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public + "/andet")).StatusCode);

        // Without configured origins the embeddable page may not be framed either.
        await using var unconfigured = new BorgerpulsApp(_database);
        var closed = await unconfigured.CreateClient().GetAsync(Public + "/indlejret");
        Assert.Contains("frame-ancestors 'none'", closed.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static (string, string)[] Months(string to) => [("Scope", "aabaek"), ("Instrument", "vive-7"), ("From", "2026-01"), ("To", to)];

    /// <summary>Published pages are read side by side. January–March holds the 43 March answers; 3 more jobparat answers in
    /// April make January–April 46 — subtracting the two pages would show those 3 citizens (46 − 43 = 3 &lt; k = 5), so the
    /// second is refused and nothing is stored. Publishing January–March again shows the same sets and is allowed; withdrawing
    /// that newest page leaves the scope without a page for the questionnaire (410) instead of bringing back the one it replaced.</summary>
    [Fact]
    public async Task A_publication_that_with_earlier_ones_narrows_a_group_below_k_is_refused_and_a_withdrawn_page_brings_back_nothing()
    {
        await WriteAsync(_database, Repeat(3, new Spec("vive-7", new() { ["samtale"] = "5" }) { TargetGroup = "jobparat", Hour = new DateTime(2026, 4, 10, 10, 0, 0, DateTimeKind.Utc) }));
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, Months("2026-03"))).Response.StatusCode);

        var (refused, _) = await PublishAsync(analyst, Months("2026-04"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kan ikke offentliggøres: sammen med de tal, der allerede er offentliggjort, ville disse tal kunne afsløre en gruppe på færre end 5 borgere",
            Text(await refused.Content.ReadAsStringAsync()));
        await using (var db = _database.Open()) Assert.Equal(1, await db.TransparencySnapshots.CountAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, Months("2026-03"))).Response.StatusCode);
        int newest;
        await using (var db = _database.Open()) newest = await db.TransparencySnapshots.MaxAsync(s => s.Id);
        var withdraw = await analyst.PostAsync("/transparency?handler=Withdraw", await StaffLogin.FormOfPairsAsync(analyst, "/transparency", [("id", $"{newest}")]));
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(Public)).StatusCode);
    }
}
