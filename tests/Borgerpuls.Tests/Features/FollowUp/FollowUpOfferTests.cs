using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.FollowUp;

/// <summary>The citizen's side: the thank-you page offers "Vil du kontaktes?" after a negative answer on the web, invitation
/// and tablet channels (never the kiosk), and the request is stored apart from the response, once, with the date only.</summary>
public sealed partial class FollowUpOfferTests
{
    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Answers the open web questionnaire as a citizen of jc-nord and returns the thank-you page and its address.</summary>
    private static async Task<(string Html, Uri Address, string ResponseId)> AnswerWebAsync(HttpClient citizen, string overall, string culture = "da")
    {
        var page = await citizen.GetStringAsync($"/s/brugerundersoegelse?culture={culture}");
        var id = DemoOrganisation.ResponseId(page);
        var posted = await citizen.PostAsync($"/s/brugerundersoegelse?culture={culture}", await StaffLogin.FormAsync(citizen, $"/s/brugerundersoegelse?culture={culture}", new()
        {
            ["id"] = id, ["jobcentre"] = "jc-nord", ["a.samlet"] = overall, ["a.styrker"] = "4",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        return (await posted.Content.ReadAsStringAsync(), posted.RequestMessage!.RequestUri!, id);
    }

    private static Dictionary<string, string> Offer(string html, string name = "Karen Hansen", string phone = "12 34 56 78", bool consent = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = TokenField().Match(html).Groups[1].Value, ["centre"] = "jc-nord", ["name"] = name, ["phone"] = phone,
            ["message"] = "Ring efter kl. 10, mit cpr er 150385-1234",
            ["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value,
        };
        if (consent) fields["consent"] = "true";
        return fields;
    }

    [Fact]
    public async Task A_negative_web_answer_offers_contact_a_positive_one_does_not_and_the_offer_names_no_response()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;

        var (positive, _, _) = await AnswerWebAsync(app.CreateClient(new() { HandleCookies = true }), "5");
        Assert.Contains("Dine svar er gemt", positive);
        Assert.DoesNotContain("Vil du kontaktes?", positive);

        // "2" on the overall question's delvist5 scale has polarity negative.
        var (negative, address, responseId) = await AnswerWebAsync(app.CreateClient(new() { HandleCookies = true }), "2");
        Assert.Contains("Vil du kontaktes?", negative);
        Assert.Contains("name=\"centre\" value=\"jc-nord\"", negative);
        Assert.Contains("Oplysningerne slettes senest 90 dage efter.", negative);
        Assert.DoesNotContain(responseId, negative, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(responseId, address.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(responseId, TokenField().Match(negative).Groups[1].Value);
    }

    [Fact]
    public async Task A_request_is_stored_with_the_date_only_apart_from_the_response_and_once_however_often_it_is_sent()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true });
        var (html, _, responseId) = await AnswerWebAsync(citizen, "1");
        Guid[] responsesBefore;
        await using (var db = database.Open()) responsesBefore = await db.Responses.Select(r => r.Id).ToArrayAsync();

        var sent = await citizen.PostAsync("/follow-up/request?culture=da", new FormUrlEncodedContent(Offer(html)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Tak. Jobcentret ringer til dig.", await sent.Content.ReadAsStringAsync());
        // A reload of the post, and two copies at once: still one request.
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsync("/follow-up/request", new FormUrlEncodedContent(Offer(html)))).StatusCode);
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => citizen.PostAsync("/follow-up/request", new FormUrlEncodedContent(Offer(html)))));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await using var check = database.Open();
        var request = await check.FollowUpRequests.SingleAsync();
        Assert.Equal("Karen Hansen", request.Name);
        Assert.Equal("12345678", request.Phone);
        Assert.Equal("Ring efter kl. 10, mit cpr er [CPR]", request.Message); // redacted before it is stored
        Assert.Equal(FollowUpStatus.Open, request.Status);
        Assert.Equal(DanishTime.Today(TimeProvider.System), request.CreatedOn);
        Assert.Equal(await check.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync(), request.JobCentreId);
        Assert.NotEqual(Guid.Parse(responseId), request.Id);
        Assert.Equal(responsesBefore, await check.Responses.Select(r => r.Id).ToArrayAsync());

        // What the table can hold: no response id, no time of day, no address, no language — any new column must be argued here.
        var entity = check.Model.FindEntityType(typeof(FollowUpRequest))!;
        Assert.Equal(["CreatedOn", "HandledBy", "HandledOn", "HandlingNote", "Id", "JobCentreId", "Message", "Name", "Phone", "SiteId", "Status"],
            entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(TimeOnly));
        Assert.DoesNotContain(entity.GetForeignKeys(), k => k.PrincipalEntityType.ClrType == typeof(Response));
    }

    [Fact]
    public async Task Missing_consent_and_a_bad_phone_are_refused_in_the_citizens_language_and_nothing_is_stored()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true });
        var (html, _, _) = await AnswerWebAsync(citizen, "1");

        var danish = await citizen.PostAsync("/follow-up/request?culture=da", new FormUrlEncodedContent(Offer(html, name: " ", phone: "1234", consent: false)));
        Assert.Equal(HttpStatusCode.BadRequest, danish.StatusCode);
        var refused = await danish.Content.ReadAsStringAsync();
        Assert.Contains("Dit ønske er ikke sendt. Ret dette:", refused);
        Assert.Contains("Skriv dit navn.", refused);
        Assert.Contains("Skriv et dansk telefonnummer med 8 cifre", refused);
        Assert.Contains("Sæt kryds ved samtykket", refused);
        Assert.Contains("value=\"1234\"", refused);

        var (polishHtml, _, _) = await AnswerWebAsync(app.CreateClient(new() { HandleCookies = true }), "2", "pl");
        Assert.Contains("Czy chcesz, abyśmy się z Tobą skontaktowali?", polishHtml);
        var polish = await citizen.PostAsync("/follow-up/request?culture=pl", new FormUrlEncodedContent(Offer(html, phone: "+45 12", consent: false)));
        Assert.Equal(HttpStatusCode.BadRequest, polish.StatusCode);
        var polishText = await polish.Content.ReadAsStringAsync();
        Assert.Contains("Wpisz duński numer telefonu z 8 cyframi", polishText);
        Assert.Contains("Zaznacz zgodę", polishText);

        var arabic = await citizen.PostAsync("/follow-up/request?culture=ar", new FormUrlEncodedContent(Offer(html, consent: false)));
        Assert.Equal(HttpStatusCode.BadRequest, arabic.StatusCode);
        var arabicText = await arabic.Content.ReadAsStringAsync();
        Assert.Contains("ضع علامة على الموافقة", arabicText);
        Assert.Contains("dir=\"rtl\"", arabicText);

        // A centre the offer could not have named.
        var elsewhere = Offer(html);
        elsewhere["centre"] = "findes-ikke";
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsync("/follow-up/request", new FormUrlEncodedContent(elsewhere))).StatusCode);

        await using var check = database.Open();
        Assert.Equal(0, await check.FollowUpRequests.CountAsync());
    }

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("+45 12 34 56 78", "12345678")]
    [InlineData("0046 70-123 45 67", "+46701234567")]
    [InlineData("+46 (70) 123 45 67", "+46701234567")]
    [InlineData("1234567", null)]
    [InlineData("123456789", null)]
    [InlineData("+45 1234", null)]
    [InlineData("tlf 12345678", null)]
    [InlineData("", null)]
    public void Phone_numbers_are_danish_eight_digits_or_have_a_country_code(string typed, string? stored) =>
        Assert.Equal(stored, Borgerpuls.Features.FollowUp.FollowUpIntake.NormalisePhone(typed));

    [Fact]
    public async Task A_negative_invitation_answer_offers_contact_for_the_invitations_job_centre_and_site()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var manager = await app.SignedInClientAsync(Borgerpuls.Security.Roles.Manager, "jc-nord");
        var created = await manager.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej" });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var citizen = app.CreateClient(new() { HandleCookies = true });
        var page = await citizen.GetStringAsync($"/i/{token}");
        var answered = await citizen.PostAsync($"/i/{token}", await StaffLogin.FormAsync(citizen, $"/i/{token}", new() { ["id"] = DemoOrganisation.ResponseId(page), ["a.hoert"] = "1" }));

        var thanks = await answered.Content.ReadAsStringAsync();
        Assert.Contains("Vil du kontaktes?", thanks);
        Assert.Contains("name=\"centre\" value=\"jc-nord\"", thanks);
        Assert.Contains("name=\"site\" value=\"nordvej\"", thanks);
        var sent = await citizen.PostAsync("/follow-up/request", new FormUrlEncodedContent(new Dictionary<string, string>(Offer(thanks)) { ["site"] = "nordvej" }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await using var check = database.Open();
        Assert.Equal(await check.Sites.Where(s => s.Key == "nordvej").Select(s => (int?)s.Id).SingleAsync(), (await check.FollowUpRequests.SingleAsync()).SiteId);
    }

    [Fact]
    public async Task The_tablet_offers_after_negative_codes_and_stores_for_its_own_site_and_the_kiosk_never_offers()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var tabletKey = await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet");
        var kioskKey = await Devices.AddAsync(database, "nordvej", "smiley");

        // The page marks the negative end of each question (grad5: 2 and 1) for the script that decides to offer.
        var page = await app.CreateClient().GetStringAsync("/tablet");
        Assert.Contains("\"hoert\":[\"2\",\"1\"]", page);
        Assert.DoesNotContain("\"kommentar\"", Regex.Match(page, "id=\"negative-answers\">([^<]*)<").Groups[1].Value);
        Assert.Contains("<section id=\"follow-up\" class=\"follow-up-offer\" aria-labelledby=\"follow-up-title\" hidden>", page);
        var kiosk = await app.CreateClient().GetStringAsync("/kiosk");
        Assert.DoesNotContain("Citizen.FollowUp", kiosk);
        Assert.DoesNotContain("follow-up-form", kiosk);

        var tablet = app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", tabletKey);
        var id = Guid.NewGuid();
        var bad = await tablet.PostAsJsonAsync("/api/v1/follow-up", new { id, name = "Ali", phone = "12", consent = false });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Citizen.FollowUp.PhoneInvalid", problem.GetProperty("errors").GetProperty("phone")[0].GetString());
        Assert.Equal("Citizen.FollowUp.ConsentRequired", problem.GetProperty("errors").GetProperty("consent")[0].GetString());
        var sends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => tablet.PostAsJsonAsync("/api/v1/follow-up", new { id, name = "Ali", phone = "+90 532 123 45 67", consent = true })));
        Assert.All(sends, s => Assert.Equal(HttpStatusCode.NoContent, s.StatusCode));

        var kioskClient = app.CreateClient();
        kioskClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", kioskKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await kioskClient.PostAsJsonAsync("/api/v1/follow-up", new { id = Guid.NewGuid(), name = "X", phone = "12345678", consent = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/follow-up", new { id = Guid.NewGuid(), name = "X", phone = "12345678", consent = true })).StatusCode);

        await using var check = database.Open();
        var request = await check.FollowUpRequests.SingleAsync();
        Assert.Equal(id, request.Id);
        Assert.Equal("+905321234567", request.Phone);
        Assert.Equal(await check.Sites.Where(s => s.Key == "nordvej").Select(s => (int?)s.Id).SingleAsync(), request.SiteId);
        Assert.Equal(0, await check.Responses.CountAsync());
    }
}
