using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class PaperEntryTests
{
    [Fact]
    public async Task Enter_moves_through_the_grid_row_by_row_and_saves_only_when_the_save_button_is_pressed()
    {
        await using var server = await RunningServer.StartAsync(withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await server.SignInAsync(page, "/paper");
        await page.GotoAsync(server.Url + "/paper?Instrument=borgeroplevelse-5&Jobcentre=jc-nord&Site=nordvej&TargetGroup=jobafklaring");

        // Two paper forms typed as a clerk does: a code, Enter, the next code, Enter … and on into the second row.
        string[][] forms = [["1", "2", "3", "4", "5", "Fint møde"], ["2", "2", "", "ved-ikke", "1", ""]];
        await page.ClickAsync("input[name='Cells[0-hoert]']");
        foreach (var form in forms)
        {
            foreach (var value in form)
            {
                if (value.Length > 0) await page.Keyboard.TypeAsync(value);
                await page.Keyboard.PressAsync("Enter");
            }
        }

        // Nothing was submitted by those Enters, and the cursor waits in the third row's first cell.
        Assert.Equal("Cells[2-hoert]", await page.EvaluateAsync<string>("document.activeElement.name"));
        Assert.Equal(0, await page.Locator("[data-testid=paper-saved]").CountAsync());
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));
        Assert.Equal("4", await page.InputValueAsync("input[name='Cells[0-forskel]']"));
        Assert.Equal("ved-ikke", await page.InputValueAsync("input[name='Cells[1-forskel]']"));

        // Shift+Enter goes back a cell, so a slip is corrected without the mouse.
        await page.Keyboard.PressAsync("Shift+Enter");
        Assert.Equal("Cells[1-kommentar]", await page.EvaluateAsync<string>("document.activeElement.name"));

        await page.ClickAsync("form.paper-grid button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=paper-saved]");
        for (var i = 0; i < 100 && server.Count("SELECT COUNT(*) FROM Responses") < 2; i++) await Task.Delay(200);
        Assert.Equal(2, server.Count("""
            SELECT COUNT(*) FROM Responses r JOIN JobCentres j ON j.Id = r.JobCentreId JOIN TargetGroups t ON t.Id = r.TargetGroupId
            WHERE r.Channel = 'Paper' AND j.Key = 'jc-nord' AND t.Key = 'jobafklaring'
            """));
        Assert.Equal(1, server.Count("""SELECT COUNT(*) FROM Responses WHERE Channel = 'Paper' AND Answers LIKE '%"forskel":["4"]%' AND Answers LIKE '%"fremdrift":["5"]%'"""));
        Assert.Equal(1, server.Count("""SELECT COUNT(*) FROM Responses WHERE Channel = 'Paper' AND Answers LIKE '%"forskel":["ved-ikke"]%' AND Answers NOT LIKE '%"tror"%'"""));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Comments WHERE Text = 'Fint møde' AND Channel = 'Paper'"));
        Assert.Empty(errors);
        await context.DisposeAsync();
    }
}
