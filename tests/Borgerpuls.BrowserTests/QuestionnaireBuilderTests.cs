namespace Borgerpuls.BrowserTests;

public sealed class QuestionnaireBuilderTests
{
    /// <summary>An analyst builds a small questionnaire in the browser — a scale question, a question on a new scale and a free
    /// text — reorders it, translates it into Ukrainian, previews it on a phone and publishes it as version 1.</summary>
    [Fact]
    public async Task A_questionnaire_is_built_translated_previewed_and_published_in_the_browser()
    {
        await using var server = await RunningServer.StartAsync(withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1300 } });
        var page = await context.NewPageAsync();
        var errors = RunningServer.ConsoleErrors(page);
        await server.SignInAsync(page, "/questionnaires");

        // By keyboard: type the names (Tab to the next field), Enter sends the form.
        await page.FocusAsync("#new-name-da");
        await page.Keyboard.TypeAsync("Samtalen på Holmen");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("The meeting at Holmen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/questionnaires/draft/*");
        var draft = new Uri(page.Url).AbsolutePath;
        Assert.Equal("The meeting at Holmen", await page.InputValueAsync("#name-en"));

        await page.FillAsync("#q-text-da", "Hvor tilfreds var du med samtalen?");
        await page.FillAsync("#q-text-en", "How satisfied were you with the meeting?");
        await page.SelectOptionAsync("#q-type", "Scale");
        await page.SelectOptionAsync("#q-scale", "tilfreds5");
        await page.CheckAsync("input[name='Q.Overall']");
        await page.ClickAsync("#question-form button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=builder-done]");

        await page.FillAsync("#q-text-da", "Hvor længe ventede du?");
        await page.SelectOptionAsync("#q-type", "SingleChoice");
        await page.SelectOptionAsync("#q-scale", "new");
        await page.FillAsync("#q-scale-da", "Ventetid");
        var options = new[] { ("Under 10 minutter", "1", "Positive"), ("Over 10 minutter", "0", "Negative"), ("Ved ikke", "", "Excluded") };
        for (var i = 0; i < options.Length; i++)
        {
            var (label, value, polarity) = options[i];
            await page.FillAsync($"input[name='Q.Options[{i}].LabelDa']", label);
            await page.FillAsync($"input[name='Q.Options[{i}].Value']", value);
            await page.SelectOptionAsync($"select[name='Q.Options[{i}].Polarity']", polarity);
        }
        await page.ClickAsync("#question-form button[type=submit]");
        await page.WaitForSelectorAsync("li[data-question=hvor-laenge-ventede-du]");

        await page.FillAsync("#q-text-da", "Hvad kan vi gøre bedre?");
        await page.SelectOptionAsync("#q-type", "FreeText");
        await page.ClickAsync("#question-form button[type=submit]");
        await page.WaitForSelectorAsync("li[data-question=hvad-kan-vi-goere-bedre]");
        // The free text first, then back last: two moves, the order as it was.
        await page.ClickAsync("button[aria-label='Flyt op: Hvad kan vi gøre bedre?']");
        await page.WaitForSelectorAsync("[data-testid=builder-done]");
        Assert.Equal("hvad-kan-vi-goere-bedre", await page.GetAttributeAsync("[data-testid=draft-questions] li:nth-child(2)", "data-question"));
        await page.ClickAsync("button[aria-label='Flyt ned: Hvad kan vi gøre bedre?']");
        await page.WaitForSelectorAsync("[data-testid=builder-done]");
        Assert.Equal("hvad-kan-vi-goere-bedre", await page.GetAttributeAsync("[data-testid=draft-questions] li:nth-child(3)", "data-question"));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await RunningServer.DocumentationScreenshotAsync(page, "questionnaires-draft.png");

        // Translate into Ukrainian: the name, 3 questions, the scale's name and its 3 options = 8 texts.
        await page.GotoAsync(server.Url + draft + "/translations?lang=uk");
        Assert.Contains("0 af 8 tekster oversat", await page.InnerTextAsync("[data-testid=completeness]"));
        var fields = page.Locator("form.card textarea");
        Assert.Equal(8, await fields.CountAsync());
        for (var i = 0; i < 8; i++)
        {
            await fields.Nth(i).FillAsync($"Текст {i + 1}");
        }
        await page.ClickAsync("form.card button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=builder-done]");
        Assert.Contains("8 af 8 tekster oversat", await page.InnerTextAsync("[data-testid=completeness]"));

        // Preview on a phone in Ukrainian, by the citizen pages' own partials; nothing to send.
        await page.GotoAsync(server.Url + draft + "/preview?view=tablet&lang=da");
        await page.SelectOptionAsync("#lang", "uk");
        await page.SelectOptionAsync("#view", "phone");
        await page.ClickAsync(".preview-choice button");
        await page.WaitForSelectorAsync(".preview-frame.preview-phone");
        Assert.Contains("Текст 2", await page.InnerTextAsync("[data-testid=preview-frame]"));
        Assert.Equal(0, await page.Locator("[data-testid=preview-frame] button, form[method=post]").CountAsync());
        await page.GotoAsync(server.Url + draft + "/preview?view=phone&lang=da");
        await RunningServer.DocumentationScreenshotAsync(page, "questionnaires-preview.png");

        // axe is injected as a script of its own, which the policy rightly refuses: checked in a second, signed-in context.
        var checking = await server.Browser.NewContextAsync(new() { BypassCSP = true, StorageState = await context.StorageStateAsync() });
        var check = await checking.NewPageAsync();
        foreach (var path in new[] { draft, draft + "/translations?lang=ar", draft + "/preview?view=phone&lang=da" })
        {
            await check.GotoAsync(server.Url + path);
            Assert.Empty(await Accessibility.SeriousViolationsAsync(check));
        }

        await page.GotoAsync(server.Url + draft);
        Assert.DoesNotContain("ukrainsk", await page.InnerTextAsync("[data-testid=publish]"));
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync("**/questionnaires");
        Assert.Contains("er offentliggjort som version 1.", await page.InnerTextAsync("[data-testid=builder-done]"));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM InstrumentVersions v JOIN Instruments i ON i.Id = v.InstrumentId WHERE i.Key = 'samtalen-paa-holmen'"));
        Assert.Equal(3, server.Count("SELECT COUNT(*) FROM Questions q JOIN InstrumentVersions v ON v.Id = q.InstrumentVersionId JOIN Instruments i ON i.Id = v.InstrumentId WHERE i.Key = 'samtalen-paa-holmen'"));
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM InstrumentDrafts"));
        await RunningServer.DocumentationScreenshotAsync(page, "questionnaires.png");
        await check.GotoAsync(server.Url + "/questionnaires");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(check));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await checking.DisposeAsync();
        await context.DisposeAsync();
    }
}
