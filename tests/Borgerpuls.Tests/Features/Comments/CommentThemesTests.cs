using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Comments;

public sealed class CommentThemesTests
{
    [Fact]
    public async Task Themes_are_counted_and_quotes_shown_by_role_and_segment_size_and_hidden_comments_drop_out()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var key = await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet");
        await using var app = new BorgerpulsApp(database);
        var tablet = app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        var texts = new[] { "Jeg forstod ikke brevet", "Brevene er svære", "Ny sagsbehandler igen", "Tak for i dag", "Brevet var for langt", "Lang ventetid", "Brev med paragraffer", "God samtale" };
        foreach (var text in texts)
        {
            var posted = await tablet.PostAsJsonAsync("/api/v1/responses", new
            {
                id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now,
                context = new { targetGroup = "jobparat" }, answers = new Dictionary<string, string> { ["hoert"] = "4", ["kommentar"] = text },
            });
            posted.EnsureSuccessStatusCode();
        }

        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var committee = await app.SignedInClientAsync(Roles.Committee);
        async Task<JsonElement> Themes(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/v1/comments/themes?instrument=borgeroplevelse-5");

        var forAnalyst = await Themes(analyst);
        var letters = forAnalyst.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "breve-og-sprog");
        Assert.Equal(8, forAnalyst.GetProperty("comments").GetInt32());
        Assert.Equal(4, letters.GetProperty("count").GetInt32());
        Assert.Equal(0.5, letters.GetProperty("share").GetDouble(), 10);
        Assert.Equal(4, letters.GetProperty("quotes").GetArrayLength());
        var forManager = await Themes(manager);
        Assert.False(forManager.GetProperty("quotesShown").GetBoolean()); // 8 respondents < kComments 10
        var forCommittee = await Themes(committee);
        Assert.False(forCommittee.GetProperty("quotesShown").GetBoolean());

        var id = letters.GetProperty("quotes")[0].GetProperty("id").GetGuid();
        var hide = await manager.PostAsync($"/api/v1/comments/{id}/hide", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, hide.StatusCode);
        var after = await Themes(analyst);
        Assert.Equal(3, after.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "breve-og-sprog").GetProperty("count").GetInt32());
        await using var db = database.Open();
        Assert.True(await db.Comments.AnyAsync(c => c.PublicId == id && c.Hidden));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "comment.hide"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "comments.view"));
    }
}
