using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>The tablet's thank-you screen offers "Vil du kontaktes?" after a negative answer only, in the language on screen,
/// and sends the request without anything of the answer.</summary>
public sealed class FollowUpOfferTests
{
    [Fact]
    public async Task The_tablet_offers_contact_after_a_negative_answer_only_and_stores_the_request_in_the_citizens_language()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await DeviceKeys.AddAsync(server, "nordvej", "borgeroplevelse-5", "Tablet 1", "tablet");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/tablet?site=nordvej");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#staff:not([hidden])");

        async Task AnswerAsync(string hoert, string? language = null)
        {
            await page.SelectOptionAsync("#target-group", "jobafklaring");
            await page.ClickAsync("#context-form button[type=submit]");
            await page.WaitForSelectorAsync("#citizen:not([hidden])");
            if (language is not null) await page.ClickAsync($".languages button[data-lang='{language}']");
            await page.CheckAsync($"input[name='a.hoert'][value='{hoert}']");
            await page.ClickAsync("#answers button.submit");
            await page.WaitForSelectorAsync("#thanks:not([hidden])");
        }

        // 4 is positive on grad5: thanks, no offer.
        await AnswerAsync("4");
        Assert.True(await page.IsHiddenAsync("#follow-up"));
        await page.ClickAsync("#next");

        // 1 is negative: the offer, in Polish, with the retention period filled in.
        await AnswerAsync("1", "pl");
        await page.WaitForSelectorAsync("#follow-up:not([hidden])");
        Assert.Equal("Czy chcesz, abyśmy się z Tobą skontaktowali?", await page.TextContentAsync("#follow-up-title"));
        Assert.Contains("po 90 dniach", await page.TextContentAsync("#fu-consent-text"));
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("follow-up-tablet.png") });

        // Sent empty: every problem in Polish, nothing stored.
        await page.ClickAsync("#follow-up-form button[type=submit]");
        await page.WaitForSelectorAsync("#fu-errors:not([hidden])");
        var errors = await page.TextContentAsync("#fu-errors");
        Assert.Contains("Wpisz swoje imię i nazwisko.", errors);
        Assert.Contains("Zaznacz zgodę", errors);
        Assert.Equal("true", await page.GetAttributeAsync("#fu-phone", "aria-invalid"));
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM FollowUpRequests"));

        await page.FillAsync("#fu-name", "Anna Nowak");
        await page.FillAsync("#fu-phone", "+48 512 345 678");
        await page.CheckAsync("#fu-consent");
        await page.ClickAsync("#follow-up-form button[type=submit]");
        await page.WaitForSelectorAsync("#fu-sent:not([hidden])");
        Assert.Equal("Dziękujemy. Urząd pracy do Ciebie zadzwoni.", await page.TextContentAsync("#fu-sent"));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM FollowUpRequests WHERE Name = 'Anna Nowak' AND Phone = '+48512345678'"));

        // The next citizen's thanks carry nothing of this one's request.
        await page.ClickAsync("#next");
        await AnswerAsync("2");
        await page.WaitForSelectorAsync("#follow-up:not([hidden])");
        Assert.Equal("", await page.InputValueAsync("#fu-name"));
        Assert.True(await page.IsHiddenAsync("#fu-sent"));
        await context.DisposeAsync();
    }
}
