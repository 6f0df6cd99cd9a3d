using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class TabletTests
{
    [Fact]
    public async Task Staff_pick_the_meeting_the_citizen_answers_and_the_next_citizen_sees_an_empty_form()
    {
        await using var server = await RunningServer.StartAsync();
        var key = (await RunningServer.CliAsync("device", "add", "--site", "nordvej", "--instrument", "borgeroplevelse-5", "--name", "Tablet 1", "--channel", "tablet", "--db", server.Database)).Trim().Split('\n')[^1].Trim();
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/tablet?site=nordvej");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");

        await page.SelectOptionAsync("#unit", "jobafklaring-team");
        await page.SelectOptionAsync("#target-group", "jobafklaring");
        await page.SelectOptionAsync("#meeting-type", "opfoelgning");

        // The citizen before this one did not want to answer: one tap, recorded with the context and nothing else.
        await page.ClickAsync("#declined");
        await page.WaitForSelectorAsync("#declined-noted:not([hidden])");
        for (var i = 0; i < 100 && server.Count("SELECT COUNT(*) FROM DeclinedHandOvers") == 0; i++) await Task.Delay(200);
        Assert.Equal(1, server.Count("""
            SELECT COUNT(*) FROM DeclinedHandOvers d JOIN TargetGroups t ON t.Id = d.TargetGroupId JOIN Units u ON u.Id = d.UnitId
            WHERE d.Channel = 'Tablet' AND t.Key = 'jobafklaring' AND u.Key = 'jobafklaring-team' AND d.MeetingType = 'opfoelgning'
            """));
        await page.ClickAsync("#context-form button[type=submit]");
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("tablet.png") });
        await page.CheckAsync("input[name='a.hoert'][value='2']");
        await page.CheckAsync("input[name='a.forskel'][value='ved-ikke']");
        await page.FillAsync("textarea[name='a.kommentar']", "Jeg fik ny sagsbehandler igen");
        await page.ClickAsync("#answers button.submit");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");

        for (var i = 0; i < 100 && server.Count("SELECT COUNT(*) FROM Responses") == 0; i++) await Task.Delay(200);
        Assert.Equal(1, server.Count("""
            SELECT COUNT(*) FROM Responses r JOIN TargetGroups t ON t.Id = r.TargetGroupId JOIN Units u ON u.Id = r.UnitId
            WHERE r.Channel = 'Tablet' AND t.Key = 'jobafklaring' AND u.Key = 'jobafklaring-team' AND r.MeetingType = 'opfoelgning'
              AND r.Answers LIKE '%"hoert":["2"]%' AND r.Answers LIKE '%ved-ikke%'
            """));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Comments WHERE Text = 'Jeg fik ny sagsbehandler igen'"));

        await page.ClickAsync("#next");
        await page.ClickAsync("#context-form button[type=submit]");
        Assert.False(await page.IsCheckedAsync("input[name='a.hoert'][value='2']"));
        Assert.Equal("", await page.InputValueAsync("textarea[name='a.kommentar']"));
        await context.DisposeAsync();
    }
}
