using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class WebQuestionnaireTests
{
    private static BrowserNewContextOptions Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true };

    private static Task<int> VisibleQuestionsAsync(IPage page) => page.Locator("fieldset.question:visible").CountAsync();

    [Fact]
    public async Task On_a_phone_the_web_questionnaire_pages_one_question_per_screen_with_progress_back_and_skip_and_is_stored()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/s/brugerundersoegelse");

        // 15 questions, the comment, and last "about you" (job centre, target group).
        Assert.Equal(1, await VisibleQuestionsAsync(page));
        Assert.Equal("Spørgsmål 1 af 17", await page.TextContentAsync("#progress-text"));
        Assert.True(await page.IsVisibleAsync("#q-samlet"));
        Assert.False(await page.IsVisibleAsync("form.questionnaire button[type=submit]"));
        Assert.False(await page.IsVisibleAsync("button.back"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        Assert.Empty(await Accessibility.SmallTouchTargetsAsync(page));
        await page.CheckAsync("input[name='a.samlet'][value='2']");
        await page.ClickAsync("button.next");

        Assert.Equal("Spørgsmål 2 af 17", await page.TextContentAsync("#progress-text"));
        await page.CheckAsync("input[name='a.styrker'][value='5']");
        Assert.Empty(await Accessibility.SmallTouchTargetsAsync(page));
        await RunningServer.DocumentationScreenshotAsync(page, "web-phone.png");
        await page.ClickAsync("button.skip-question");
        Assert.Equal("Spørgsmål 3 af 17", await page.TextContentAsync("#progress-text"));
        await page.ClickAsync("button.back");
        Assert.Equal("Spørgsmål 2 af 17", await page.TextContentAsync("#progress-text"));
        Assert.True(await page.IsVisibleAsync("#q-styrker"));
        Assert.False(await page.IsCheckedAsync("input[name='a.styrker'][value='5']")); // skipped means unanswered
        await page.CheckAsync("input[name='a.styrker'][value='ved-ikke']");
        while (!await page.IsVisibleAsync("#q-kommentar"))
        {
            await page.ClickAsync("button.next");
        }
        await page.FillAsync("textarea[name='a.kommentar']", "Brevene er svære at forstå");
        await page.ClickAsync("button.next");
        Assert.Equal("Spørgsmål 17 af 17", await page.TextContentAsync("#progress-text"));
        Assert.False(await page.IsVisibleAsync("button.next"));
        await page.SelectOptionAsync("#jobcentre", "jc-syd");
        await page.SelectOptionAsync("#targetGroup", "fleksjob");
        await page.ClickAsync("form.questionnaire button[type=submit]");
        await page.WaitForSelectorAsync("text=Dine svar er gemt");

        Assert.Equal(1, server.Count("""
            SELECT COUNT(*) FROM Responses r JOIN TargetGroups t ON t.Id = r.TargetGroupId JOIN JobCentres j ON j.Id = r.JobCentreId
            WHERE r.Channel = 'Web' AND t.Key = 'fleksjob' AND j.Key = 'jc-syd'
              AND r.Answers LIKE '%"samlet":["2"]%' AND r.Answers LIKE '%"styrker":["ved-ikke"]%'
            """));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Comments WHERE Text = 'Brevene er svære at forstå'"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task On_a_desktop_every_question_is_on_one_page()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/s/brugerundersoegelse");
        Assert.Equal(17, await VisibleQuestionsAsync(page));
        Assert.True(await page.IsVisibleAsync("form.questionnaire button[type=submit]"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task The_large_text_toggle_enlarges_the_text_without_breaking_the_layout_and_is_remembered()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/s/brugerundersoegelse");
        var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('legend')).fontSize)");
        Assert.Equal("false", await page.GetAttributeAsync("#text-size", "aria-pressed"));

        await page.ClickAsync("#text-size");
        Assert.Equal("large-text", await page.GetAttributeAsync("html", "class"));
        Assert.Equal("true", await page.GetAttributeAsync("#text-size", "aria-pressed"));
        var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('legend')).fontSize)");
        Assert.True(after >= before * 1.25, $"{before} → {after}");
        var tooWide = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
            """);
        Assert.True(tooWide.Length == 0, "the page scrolls sideways: " + string.Join(", ", tooWide));
        Assert.Empty(await Accessibility.SmallTouchTargetsAsync(page));

        await page.ReloadAsync();
        Assert.Equal("large-text", await page.GetAttributeAsync("html", "class"));
        await page.GotoAsync($"{server.Url}/i/{CitizenPageTests.Invite(server)}");
        Assert.Equal("large-text", await page.GetAttributeAsync("html", "class"));
        await page.ClickAsync("#text-size");
        await page.ReloadAsync();
        Assert.Null(await page.GetAttributeAsync("html", "class"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task The_invitation_page_in_ukrainian_and_polish_has_no_serious_violations_and_large_touch_targets()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var (culture, submit) in new[] { ("uk", "Надіслати мої відповіді"), ("pl", "Wyślij moje odpowiedzi") })
        {
            await page.GotoAsync($"{server.Url}/i/{CitizenPageTests.Invite(server)}?culture={culture}");
            Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
            // The shipped questions are translated (what is still Danish is marked lang="da": CitizenLanguageTests).
            Assert.Equal(culture, await page.GetAttributeAsync("#q-hoert legend span[lang]", "lang"));
            Assert.Equal(0, await page.Locator("form.questionnaire [lang=da], form.questionnaire .fallback").CountAsync());
            failures.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{culture}: {v}"));
            failures.AddRange((await Accessibility.SmallTouchTargetsAsync(page)).Select(v => $"{culture} touch: {v}"));
            while (await page.IsVisibleAsync("button.next")) await page.ClickAsync("button.next");
            Assert.Contains(submit, await page.TextContentAsync("form.questionnaire button[type=submit]"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Staff_create_an_invitation_with_a_qr_code_on_an_accessible_page()
    {
        const string email = RunningServer.AdminEmail, password = RunningServer.AdminPassword;
        await using var server = await RunningServer.StartAsync(withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 1100 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("main button[type=submit]");
        await page.GotoAsync(server.Url + "/invitations/new");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));

        await page.SelectOptionAsync("#jobCentre", "jc-nord");
        await page.SelectOptionAsync("#site", "nordvej");
        await page.SelectOptionAsync("#targetGroup", "jobafklaring");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("img.qr");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        var link = await page.TextContentAsync("[data-testid=invitation-link]");
        Assert.Contains("/i/", link);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Invitations i JOIN TargetGroups t ON t.Id = i.TargetGroupId WHERE t.Key = 'jobafklaring' AND i.Used = 0"));
        await RunningServer.DocumentationScreenshotAsync(page, "invitation-staff.png");
        await context.DisposeAsync();
    }
}
