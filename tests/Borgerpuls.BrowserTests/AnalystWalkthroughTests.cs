using System.Globalization;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>The staff journey of docs/analyst-guide.md, in the order the guide tells it, with its screenshots: users and
/// roles, a local extension of a core questionnaire, a web campaign, citizens' answers, the figures, a target that is
/// missed, an action made from it, the committee report, the centre leader's follow-up and a locked account.</summary>
public sealed class AnalystWalkthroughTests
{
    private const string Analyst = "analytiker@aabaek.dk", AnalystPassword = "analytiker-kode-til-test-2026";
    private const string Leader = "leder.nord@aabaek.dk", LeaderPassword = "leder-kode-til-test-2026";
    private const string CentreName = "Jobcenter Aabæk Nord", Centre = "jc-nord", OtherCentre = "jc-syd";
    private const string Extension = "borgeroplevelse-5-lokal", LocalQuestion = "svar-om-forloeb";
    private const string Campaign = "borgeroplevelsen-i-nord", TargetName = "Hørt og anerkendt: mindst 68 % positive";
    private const string ActionTitle = "Tid til borgerens spørgsmål i hver samtale", OtherActionTitle = "Ny velkomst i receptionen i Syd";

    private static BrowserNewContextOptions Desktop => new() { ViewportSize = new() { Width = 1280, Height = 1000 } };

    /// <summary>The six citizens' answers: everybody answers the core questions in the negative end (the first question
    /// "I lav grad"), and the local question as listed ("ved-ikke" is outside the base).</summary>
    private static readonly string[] LocalAnswers = ["5", "5", "4", "3", "2", "ved-ikke"];

    private static readonly string[] CoreQuestions = ["hoert", "faelles", "tror", "forskel", "fremdrift"];

    [Fact]
    public async Task An_analyst_goes_from_a_local_questionnaire_to_a_missed_target_an_action_and_the_report_and_a_leader_follows_up()
    {
        await using var server = await RunningServer.StartAsync(withAdmin: true);
        var errors = new List<string>();
        var danish = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        var today = DateOnly.FromDateTime(danish.DateTime);

        // 1. The administrator creates the analyst and the centre leader (one job centre, chosen by its name).
        var (adminContext, admin) = await SignInAsync(server, RunningServer.AdminEmail, RunningServer.AdminPassword, "/admin/users", errors);
        await CreateUserAsync(admin, Analyst, AnalystPassword, "analyst", centreName: null);
        Assert.Contains($"{Analyst} er oprettet som Analytiker.", await admin.InnerTextAsync("[data-testid=users-done]"));
        await CreateUserAsync(admin, Leader, LeaderPassword, "manager", CentreName);
        Assert.Contains($"{Leader} er oprettet som Leder/medarbejder.", await admin.InnerTextAsync("[data-testid=users-done]"));
        Assert.Equal(CentreName, (await admin.InnerTextAsync($"tr[data-user='{Leader}'] td:nth-child(3)")).Trim());
        await RunningServer.DocumentationScreenshotAsync(admin, "walkthrough-01-users.png");

        // 2. The analyst extends the core exit poll with a local question, translates it, previews it and publishes it.
        var (analystContext, page) = await SignInAsync(server, Analyst, AnalystPassword, "/questionnaires", errors);
        await page.ClickAsync("tr[data-instrument='borgeroplevelse-5'] button:has-text('Lokal udvidelse')");
        await page.WaitForURLAsync("**/questionnaires/draft/*");
        var draft = new Uri(page.Url).AbsolutePath;
        Assert.Contains("De 6 spørgsmål fra kerneskemaet", await page.InnerTextAsync("[data-testid=core-first]"));
        await page.FillAsync("#q-text-da", "Fik du svar på dine spørgsmål om dit forløb?");
        await page.SelectOptionAsync("#q-type", "Scale");
        await page.SelectOptionAsync("#q-scale", "grad5");
        await page.FillAsync("#q-key", LocalQuestion);
        await page.ClickAsync("#question-form button[type=submit]");
        await page.WaitForSelectorAsync($"li[data-question={LocalQuestion}]");
        Assert.Equal("7", await page.GetAttributeAsync("[data-testid=draft-questions]", "start")); // after the core questions and its comment
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await RunningServer.DocumentationScreenshotAsync(page, "walkthrough-02-builder.png");

        await page.ClickAsync("a:has-text('Oversættelser')");
        await page.WaitForSelectorAsync("[data-testid=completeness]");
        var fields = page.Locator("form.card textarea");
        var texts = await fields.CountAsync();
        Assert.True(texts >= 2, $"{texts} texts to translate"); // the name and the local question at least
        Assert.Contains($"0 af {texts} tekster oversat", await page.InnerTextAsync("[data-testid=completeness]"));
        for (var i = 0; i < texts; i++) await fields.Nth(i).FillAsync($"English text {i + 1}");
        await page.ClickAsync("form.card button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=builder-done]");
        Assert.Contains($"{texts} af {texts} tekster oversat", await page.InnerTextAsync("[data-testid=completeness]"));

        await page.GotoAsync(server.Url + draft);
        await page.ClickAsync("a:has-text('Se som borgeren')");
        await page.WaitForSelectorAsync("[data-testid=preview-frame]");
        var preview = await page.InnerTextAsync("[data-testid=preview-frame]");
        Assert.Contains("Følte du dig hørt og anerkendt i dag?", preview); // the core question first …
        Assert.Contains("Fik du svar på dine spørgsmål om dit forløb?", preview); // … then the local one
        await page.GotoAsync(server.Url + draft);
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync("**/questionnaires");
        Assert.Contains("er offentliggjort som version 1.", await page.InnerTextAsync("[data-testid=builder-done]"));

        // 3. A web campaign for Nord: its link and QR code.
        await page.GotoAsync(server.Url + "/campaigns");
        await page.SelectOptionAsync("#new-instrument", Extension);
        await page.ClickAsync("form:has(#new-instrument) button[type=submit]");
        await page.WaitForURLAsync($"**/campaigns/edit?instrument={Extension}");
        await page.FillAsync("#name", "Borgeroplevelsen i Nord");
        await page.SelectOptionAsync("#channel", "Web");
        await page.SelectOptionAsync("#jobcentre", Centre);
        await page.SelectOptionAsync("#status", "Open");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/campaigns");
        await page.WaitForSelectorAsync("[data-testid=campaigns-done]");
        await page.ClickAsync("a[aria-label*='Borgeroplevelsen i Nord']");
        await page.WaitForSelectorAsync("[data-testid=campaign-link] img.qr");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('img.qr').naturalWidth > 0"));
        var link = (await page.InnerTextAsync("[data-testid=campaign-link] code")).Trim();
        Assert.Equal($"{server.Url}/s/{Campaign}", link);
        await RunningServer.DocumentationScreenshotAsync(page, "walkthrough-03-campaign.png");

        // 4. Six citizens answer through the link, each in a browser of their own. A questionnaire published a moment ago
        // reaches collection within seconds (the catalogue of questionnaires is read again every 5 s); no person is that quick.
        using (var http = new HttpClient())
        {
            for (var i = 0; i < 100 && (await http.GetAsync(link)).StatusCode != System.Net.HttpStatusCode.OK; i++) await Task.Delay(200);
        }
        foreach (var local in LocalAnswers)
        {
            var citizenContext = await server.Browser.NewContextAsync(Desktop);
            var citizen = await citizenContext.NewPageAsync();
            Watch(citizen, errors);
            await citizen.GotoAsync(link);
            await citizen.CheckAsync("input[name='a.hoert'][value='1']");
            foreach (var key in CoreQuestions.Skip(1)) await citizen.CheckAsync($"input[name='a.{key}'][value='2']");
            await citizen.CheckAsync($"input[name='a.{LocalQuestion}'][value='{local}']");
            await citizen.ClickAsync("form.questionnaire button[type=submit]");
            await citizen.WaitForSelectorAsync("text=Dine svar er gemt");
            Assert.Equal("Tak for dit svar!", (await citizen.InnerTextAsync("h1")).Trim());
            await citizenContext.DisposeAsync();
        }
        await Wait.UntilAsync(() => server.Count($"SELECT COUNT(*) FROM Responses r JOIN Campaigns c ON c.Id = r.CampaignId WHERE c.Key = '{Campaign}'") == 6);

        // 5. The figures, computed here from the answers given: the first question 0 of 6 positive; the local question 3
        // positive of a base of 5 (ved ikke is outside); the mean of the six questions' positive shares (0 × 5 + 60 %) / 6 =
        // 10 %, of their negative shares (100 % × 5 + 20 %) / 6 = 86.7 %.
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var dashboard = $"{server.Url}/dashboard?instrument={Extension}&from={month}&to={month}&groupBy=jobcentre";
        await page.GotoAsync(dashboard);
        Assert.Equal("6", (await page.InnerTextAsync("[data-testid=respondents]")).Trim());
        Assert.Equal("10,0 pct.", (await page.InnerTextAsync("[data-testid=average-positive]")).Trim());
        Assert.Equal("86,7 pct.", (await page.InnerTextAsync("[data-testid=average-negative]")).Trim());
        // Answers per question, as a table: question, group, positive, neutral, negative, interval, base, note.
        var first = await BarsRowAsync(page, "Følte du dig hørt og anerkendt i dag?");
        Assert.Equal(("0,0 pct.", "100,0 pct.", "6"), (first[2], first[4], first[^2]));
        var own = await BarsRowAsync(page, "Fik du svar på dine spørgsmål om dit forløb?");
        Assert.Equal(("60,0 pct.", "20,0 pct.", "20,0 pct.", "5"), (own[2], own[3], own[4], own[^2]));
        Assert.Equal(0, await page.Locator("[data-testid=target-action]").CountAsync());

        // 6. A target on the first question: the live preview says it is not met before it is saved.
        await page.GotoAsync(server.Url + "/targets");
        await page.SelectOptionAsync("#new-instrument", Extension);
        await page.ClickAsync("form:has(#new-instrument) button[type=submit]");
        await page.WaitForURLAsync($"**/targets/edit?instrument={Extension}");
        await page.FillAsync("#name", TargetName);
        await page.SelectOptionAsync("#question", "hoert");
        await page.SelectOptionAsync("#direction", "AtLeast");
        await page.FillAsync("#threshold", "68");
        await page.FillAsync("#year", today.Year.ToString(CultureInfo.InvariantCulture));
        await page.WaitForSelectorAsync("#target-preview .tile.not-met");
        Assert.Contains("Ikke opfyldt", await page.InnerTextAsync("#target-preview [data-testid=preview-status]"));
        Assert.Equal("0,0 pct.", (await page.InnerTextAsync("#target-preview [data-testid=preview-value]")).Trim());
        await page.ClickAsync("#target-form button[type=submit]:not([data-testid])");
        await page.WaitForURLAsync("**/targets");
        Assert.Contains(TargetName, await page.InnerTextAsync("[data-testid=targets-done]"));

        // 7. On the dashboard the tile is red and offers an action, which is made for Nord.
        await page.GotoAsync(dashboard);
        var tile = page.Locator("ul.tiles li.tile", new() { HasText = TargetName });
        Assert.Contains("not-met", await tile.GetAttributeAsync("class"));
        Assert.Contains("Ikke opfyldt", await tile.InnerTextAsync());
        await page.EvaluateAsync("() => document.querySelector('#summary-heading').closest('section').scrollIntoView()");
        await RunningServer.DocumentationScreenshotAsync(page, "walkthrough-04-dashboard-target.png");
        await tile.Locator("[data-testid=target-action]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/actions/edit?", StringComparison.Ordinal));
        Assert.True(await page.IsCheckedAsync("input[name=Questions][value=hoert]"));
        await page.FillAsync("#title", ActionTitle);
        await page.FillAsync("#description", "Sagsbehandleren afsætter de sidste ti minutter af samtalen til borgerens egne spørgsmål.");
        await page.FillAsync("#owner", "Teamleder, Team Jobafklaring");
        await page.SelectOptionAsync("#jobcentre", new SelectOptionValue { Label = CentreName });
        await page.SelectOptionAsync("#status", "Planned");
        await page.FillAsync("#starts", Iso(today));
        await page.FillAsync("#deadline", Iso(today.AddMonths(3)));
        await page.FillAsync("#effect", "Flere svarer positivt på spørgsmålet om at blive hørt.");
        // The whole form in one picture.
        await page.SetViewportSizeAsync(1280, 1560);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await RunningServer.DocumentationScreenshotAsync(page, "walkthrough-05-action.png");
        await page.SetViewportSizeAsync(1280, 1000);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/actions");
        Assert.Contains(ActionTitle, await page.InnerTextAsync("[data-testid=actions-done]"));
        var row = page.Locator("tr[data-action]", new() { HasText = ActionTitle });
        Assert.Contains("Planlagt", await row.InnerTextAsync());
        var actionId = await row.GetAttributeAsync("data-action");

        // 8. A second action, for another job centre.
        await page.SelectOptionAsync("#new-instrument", Extension);
        await page.ClickAsync("form:has(#new-instrument) button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/actions/edit?", StringComparison.Ordinal));
        await page.FillAsync("#title", OtherActionTitle);
        await page.SelectOptionAsync("#jobcentre", OtherCentre);
        await page.CheckAsync("input[name=Questions][value=hoert]");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/actions");
        var otherId = await page.Locator("tr[data-action]", new() { HasText = OtherActionTitle }).GetAttributeAsync("data-action");

        // 9. The committee report: the print page names the action; the Word file arrives.
        await page.GotoAsync(dashboard);
        var report = await analystContext.RunAndWaitForPageAsync(() => page.ClickAsync("[data-testid=report-html]"));
        Watch(report, errors);
        await report.WaitForLoadStateAsync();
        Assert.Contains(ActionTitle, await report.InnerTextAsync("body"));
        await report.CloseAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-docx]"));
        Assert.Equal($"udvalgsrapport-{Extension}.docx", download.SuggestedFilename);
        var size = new FileInfo((await download.PathAsync())!).Length;
        Assert.True(size > 10_000, $"the Word report is {size} bytes");

        // 10. The leader sees Nord's action only, and moves it on; the analyst sees the new status.
        var (leaderContext, leader) = await SignInAsync(server, Leader, LeaderPassword, "/actions", errors);
        Assert.Equal(1, await leader.Locator($"tr[data-action='{actionId}']").CountAsync());
        Assert.Equal(0, await leader.Locator($"tr[data-action='{otherId}']").CountAsync());
        Assert.DoesNotContain(OtherActionTitle, await leader.InnerTextAsync("main"));
        await leader.ClickAsync($"a[aria-label='Ret handlingen »{ActionTitle}«']");
        await leader.WaitForURLAsync($"**/actions/edit/{actionId}");
        await leader.SelectOptionAsync("#status", "InProgress");
        await leader.ClickAsync("form.form button[type=submit]");
        await leader.WaitForURLAsync("**/actions");
        Assert.Contains("I gang", await leader.InnerTextAsync($"tr[data-action='{actionId}']"));
        await RunningServer.DocumentationScreenshotAsync(leader, "walkthrough-06-leader-actions.png");
        await page.GotoAsync(server.Url + "/actions");
        Assert.Contains("I gang", await page.InnerTextAsync($"tr[data-action='{actionId}']"));
        // The other centre's action by its address is refused. Not on a watched page: Chromium logs the 403 as a console error.
        var probe = await leaderContext.NewPageAsync();
        var refused = await probe.GotoAsync($"{server.Url}/actions/{otherId}");
        Assert.Equal(403, refused!.Status);
        Assert.DoesNotContain(OtherActionTitle, await probe.InnerTextAsync("body"));
        await probe.CloseAsync();

        // 11. The administrator locks the leader: the next click leads to sign-in, and signing in again is refused.
        await admin.GotoAsync(server.Url + "/admin/users");
        await admin.ClickAsync($"button[aria-label='Lås {Leader}']");
        await admin.WaitForSelectorAsync($"tr[data-user='{Leader}'] button[aria-label='Lås {Leader} op']");
        Assert.Contains($"{Leader} er låst", await admin.InnerTextAsync("[data-testid=users-done]"));
        Assert.Contains("Låst", await admin.InnerTextAsync($"tr[data-user='{Leader}']"));
        await leader.GotoAsync(server.Url + "/actions");
        Assert.Contains("/login", new Uri(leader.Url).AbsolutePath);
        await leader.FillAsync("#email", Leader);
        await leader.FillAsync("#password", LeaderPassword);
        await leader.ClickAsync("form:has(#email) button[type=submit]");
        await leader.WaitForSelectorAsync("form:has(#email) .error[role=alert]");
        Assert.Contains("/login", new Uri(leader.Url).AbsolutePath);

        Assert.True(errors.Count == 0, string.Join("\n", errors)); // every script ran under the site's own content security policy
        await leaderContext.DisposeAsync();
        await analystContext.DisposeAsync();
        await adminContext.DisposeAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Watch(IPage page, List<string> errors)
    {
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => errors.Add(error);
    }

    /// <summary>A browser of the person's own, signed in and on <paramref name="path"/>.</summary>
    private static async Task<(IBrowserContext, IPage)> SignInAsync(RunningServer server, string email, string password, string path, List<string> errors)
    {
        var context = await server.Browser.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        Watch(page, errors);
        await page.GotoAsync($"{server.Url}/login?returnUrl={Uri.EscapeDataString(path)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form:has(#email) button[type=submit]");
        await page.WaitForURLAsync("**" + path);
        return (context, page);
    }

    private static async Task CreateUserAsync(IPage page, string email, string password, string role, string? centreName)
    {
        var form = page.Locator("form:has(#new-email)");
        await page.FillAsync("#new-email", email);
        await page.FillAsync("#new-password", password);
        await page.SelectOptionAsync("#new-role", role);
        if (centreName is not null) await form.GetByRole(AriaRole.Checkbox, new() { Name = centreName, Exact = true }).CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync($"tr[data-user='{email}']");
    }

    /// <summary>The cells of the answers-per-question table's row for a question in the centre's group.</summary>
    private static async Task<string[]> BarsRowAsync(IPage page, string question)
    {
        var row = page.Locator("table[data-table='bars'] tr", new() { HasText = question }).Filter(new() { HasText = CentreName });
        return (await row.Locator("th, td").AllTextContentsAsync()).Select(c => c.Trim()).ToArray();
    }
}
