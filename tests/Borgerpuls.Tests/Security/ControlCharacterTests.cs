using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Security.Input;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Security;

/// <summary>A NUL typed or pasted into any form, address or JSON body used to reach PostgreSQL, which refuses it ("invalid byte
/// sequence for encoding UTF8: 0x00") with a 500 after the handler's checks had passed. Every request is now checked once, before
/// any handler: 400 naming the field, in the person's language, and nothing written — on both databases.</summary>
public sealed class ControlCharacterTests
{
    [Theory]
    [InlineData("ok", true)]
    [InlineData("To linjer\r\nmed\ttabulator", true)]
    [InlineData("Grüße 👋 مرحبا", true)]
    [InlineData("nul\0", false)]
    [InlineData("klokke\u0007", false)]
    [InlineData("slet\u007f", false)]
    [InlineData("c1\u0085", false)]
    public void Only_line_breaks_and_tabs_pass_among_control_characters(string text, bool clean) =>
        Assert.Equal(clean, CleanText.IsClean(text));

    [Fact]
    public void A_broken_surrogate_pair_is_not_clean()
    {
        // Built here: an attribute argument cannot carry a lone surrogate through the assembly's metadata.
        Assert.False(CleanText.IsClean("halv " + (char)0xD800 + " surrogat"));
        Assert.False(CleanText.IsClean("slut " + (char)0xDC00));
        Assert.True(CleanText.IsClean("hel " + char.ConvertFromUtf32(0x1F44B)));
    }

    [Fact]
    public async Task A_form_field_with_a_nul_is_refused_by_name_on_a_page_in_the_persons_language_and_nothing_is_saved()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        foreach (var (culture, expected) in new[] { ("", "Feltet »Title« indeholder et kontroltegn"), ("&culture=en&ui-culture=en", "The field “Title” holds a control character") })
        {
            var page = "/actions/edit?instrument=vive-7" + culture;
            var refused = await analyst.PostAsync(page, await StaffLogin.FormOfPairsAsync(analyst, page,
                ("Title", "Fast procedure\0"), ("JobCentre", ""), ("Questions", "samtale"), ("Status", "Planned")));

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains(expected, html);
            Assert.Contains("role=\"alert\"", html);
        }
        await using var db = database.Open();
        Assert.Equal(0, await db.Actions.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("action.")));
    }

    /// <summary>A file upload to a page is read only after the page's own size limits apply, so its text fields are checked by
    /// the page filter: the same refusal, and the upload is not stored.</summary>
    [Fact]
    public async Task A_control_character_in_a_text_field_of_a_file_upload_is_refused_by_name_and_nothing_is_kept()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var page = await analyst.GetStringAsync("/import");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("vive-7\u0001"), "Instrument" },
            { new ByteArrayContent("respondent_id;jobcenter;samtale\nr1;jc-nord;5\n"u8.ToArray()), "file", "survey.csv" },
        };

        var refused = await analyst.PostAsync("/import?handler=Upload", upload);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Feltet »Instrument« indeholder et kontroltegn", await refused.Content.ReadAsStringAsync());
        await using var db = database.Open();
        Assert.Equal(0, await db.WizardUploads.CountAsync());
    }

    [Fact]
    public async Task A_nul_in_a_query_or_a_json_body_gets_a_problem_naming_the_field_and_writes_nothing()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var query = await analyst.GetAsync("/api/v1/results?instrument=vive-7%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal("Feltet »instrument« indeholder et kontroltegn eller et ugyldigt tegn (kun linjeskift og tabulatorer er tilladt). Ret teksten, og send den igen – intet er gemt.",
            (await query.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("instrument")[0].GetString());

        var insight = await analyst.PostAsync("/api/v1/insights?culture=en", new StringContent(
            """{"date":"2026-03-01","source":"focusGroup","title":"Fokusgruppe\u0000","themes":[]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, insight.StatusCode);
        Assert.StartsWith("The field “title” holds a control character",
            (await insight.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString());

        // A lone surrogate, escaped in JSON, is as unusable as a NUL.
        var surrogate = await analyst.PostAsync("/api/v1/insights", new StringContent(
            """{"date":"2026-03-01","source":"focusGroup","title":"Fokus\uD800gruppe","themes":[]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        Assert.True((await surrogate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out var __title));

        await using var db = database.Open();
        Assert.Equal(0, await db.Insights.CountAsync());
    }

    [Fact]
    public async Task A_citizens_follow_up_request_with_a_nul_in_the_name_is_refused_and_the_retry_without_it_is_stored()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var tablet = app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet"));
        var id = Guid.NewGuid();

        var refused = await tablet.PostAsJsonAsync("/api/v1/follow-up?culture=tr", new { id, name = "Ali\0", phone = "+90 532 123 45 67", consent = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("“name” alanı bir kontrol karakteri",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString());
        await using (var db = database.Open()) Assert.Equal(0, await db.FollowUpRequests.CountAsync());

        var stored = await tablet.PostAsJsonAsync("/api/v1/follow-up", new { id, name = "Ali", phone = "+90 532 123 45 67", consent = true });
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        await using (var db = database.Open()) Assert.Equal("Ali", (await db.FollowUpRequests.SingleAsync()).Name);
    }
}
