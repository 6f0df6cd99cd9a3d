using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>Citizen pages never guess the context and never post twice: no preselected job centre, no skipping past it, and
/// a thank-you that survives reload and Back.</summary>
public sealed class CitizenContextTests
{
    private static BrowserNewContextOptions Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true };

    [Fact]
    public async Task An_untouched_job_centre_is_refused_with_a_linked_error_and_a_reload_after_the_thanks_posts_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/s/brugerundersoegelse");
        await page.CheckAsync("input[name='a.samlet'][value='4']");
        while (!await page.IsVisibleAsync("#q-about")) await page.ClickAsync("button.next");

        // The job centre screen: nothing chosen, and no "Spring over" past it.
        Assert.Equal("", await page.InputValueAsync("#jobcentre"));
        Assert.False(await page.IsVisibleAsync("button.skip-question"));
        await page.ClickAsync("button.back");
        Assert.True(await page.IsVisibleAsync("button.skip-question"));
        while (!await page.IsVisibleAsync("#q-about")) await page.ClickAsync("button.next");

        // Sent untouched: refused with the error summary linked to the job centre, the answers kept, nothing filed.
        await page.ClickAsync("form.questionnaire button[type=submit]");
        await page.WaitForSelectorAsync("#error-summary");
        Assert.Equal(1, await page.Locator("#error-summary a[href='#jobcentre'], #error-summary a[href='#q-about']").CountAsync());
        Assert.Equal("err-jobcentre", await page.GetAttributeAsync("#jobcentre", "aria-describedby"));
        Assert.True(await page.IsCheckedAsync("input[name='a.samlet'][value='4']"));
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));

        await page.SelectOptionAsync("#jobcentre", "jc-syd");
        await page.ClickAsync("form.questionnaire button[type=submit]");
        await page.WaitForSelectorAsync("text=Dine svar er gemt");
        Assert.EndsWith("/s/brugerundersoegelse?sent=1", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses r JOIN JobCentres j ON j.Id = r.JobCentreId WHERE j.Key = 'jc-syd' AND r.Answers LIKE '%\"samlet\":[\"4\"]%'"));

        // Reload shows the thanks again and posts nothing (a resend of the same form is recognised by its id: see
        // CitizenPageRobustnessTests).
        await page.ReloadAsync();
        Assert.True(await page.IsVisibleAsync("text=Dine svar er gemt"));
        await page.ReloadAsync();
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_blank_invitation_link_shows_the_friendly_page_in_the_citizens_language()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(server.Url + "/i/%20?culture=ar");
        Assert.Equal(404, response!.Status);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await context.DisposeAsync();
    }
}
