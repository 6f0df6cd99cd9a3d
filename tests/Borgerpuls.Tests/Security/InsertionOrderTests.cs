using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Security;

/// <summary>Issue #13: nothing kept below the hour may show the order in which invitations were created or comments written —
/// neither what the API hands out nor the audit log, the invitations and the responses read together.</summary>
public sealed class InsertionOrderTests
{
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Audit_invitations_and_responses_together_tie_no_answered_invitation_to_its_creator_or_creation_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var day = DateTime.UtcNow.Date;
        var clock = new SteppingClock(new DateTimeOffset(day.AddHours(8), TimeSpan.Zero));
        await using var app = new BorgerpulsApp(database) { Clock = clock };
        var staff = new[]
        {
            await app.SignedInClientAsync(Roles.Manager, "jc-nord"), await app.SignedInClientAsync(Roles.Manager, "jc-nord"),
            await app.SignedInClientAsync(Roles.Analyst),
        };

        // Twelve invitations for the same context, the three staff members taking turns, seven minutes apart.
        var tokens = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            clock.Now = clock.Now.AddMinutes(7);
            var created = await staff[i % 3].PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej", meetingType = "samtale" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            tokens.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }
        await app.AnswerAsync(tokens.Where((_, i) => i % 2 == 0));

        await using var db = database.Open();
        var createdOrder = tokens.Select(SecretKeys.Hash).ToList();
        var invitations = await db.Invitations.AsNoTracking().ToListAsync();
        Assert.Equal(12, invitations.Count);
        Assert.Equal(6, invitations.Count(i => i.Used));

        // The audit: no entry per invitation and no time of day; one count per person, day and job centre.
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(audit, a => a.Action.Contains("invitation", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(audit, a => invitations.Any(i => (a.Details ?? "").Contains(i.Id.ToString(), StringComparison.OrdinalIgnoreCase)
            || (a.Details ?? "").Contains(i.TokenHash, StringComparison.Ordinal)));
        var tallies = await db.InvitationTallies.AsNoTracking().ToListAsync();
        Assert.Equal(3, tallies.Count);
        Assert.All(tallies, t => Assert.Equal((DateOnly.FromDateTime(day), 4), (t.Day, t.Count)));

        // The invitations: nothing about who or when, and neither their ids nor (SQLite) their row order follow creation.
        var properties = db.Model.FindEntityType(typeof(Invitation))!.GetProperties().Select(p => p.ClrType).ToList();
        Assert.DoesNotContain(typeof(DateTime), properties);
        Assert.DoesNotContain(typeof(DateTimeOffset), properties);
        Assert.All(invitations, i => Assert.Equal(4, i.Id.Version));
        var byId = invitations.OrderBy(i => i.Id.ToString(), StringComparer.Ordinal).Select(i => i.TokenHash).ToList();
        Assert.NotEqual(createdOrder, byId);
        if (!TestDatabase.IsPostgres)
        {
            var byRow = await db.Database.SqlQuery<string>($"""SELECT "TokenHash" AS "Value" FROM "Invitations" ORDER BY rowid""").ToListAsync();
            Assert.Equal(12, byRow.Count);
            Assert.NotEqual(createdOrder, byRow);
        }

        // The responses: six, carrying the copied context only — no invitation id or token hash anywhere in them.
        var responses = await db.Responses.AsNoTracking().Where(r => r.Channel == Channel.Link).ToListAsync();
        Assert.Equal(6, responses.Count);
        Assert.All(responses, r =>
        {
            var stored = JsonSerializer.Serialize(r);
            Assert.DoesNotContain(invitations, i => stored.Contains(i.Id.ToString(), StringComparison.OrdinalIgnoreCase) || stored.Contains(i.TokenHash, StringComparison.Ordinal));
            Assert.Equal(4, r.Id.Version);
        });

        // The administrator sees the counts on the audit page.
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var page = await admin.GetStringAsync("/admin/audit");
        Assert.Equal(3, page.Split("<td>Jobcenter Aabæk Nord</td><td>Borgeroplevelse – exit poll (5 spørgsmål)</td><td>4</td>").Length - 1);
    }

    [Fact]
    public async Task Quote_ids_are_random_and_quotes_within_an_hour_do_not_follow_the_order_they_were_written_in()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var key = await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet");
        var tablet = app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        var answeredAt = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 12; i++)
        {
            var posted = await tablet.PostAsJsonAsync("/api/v1/responses", new
            {
                id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt,
                context = new { targetGroup = "jobparat" }, answers = new Dictionary<string, string> { ["hoert"] = "4", ["kommentar"] = $"Brevet nummer {i} var svært at forstå" },
            });
            posted.EnsureSuccessStatusCode();
        }

        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var report = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/comments/themes?instrument=borgeroplevelse-5");
        var quotes = report.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "breve-og-sprog").GetProperty("quotes")
            .EnumerateArray().Select(q => (Id: q.GetProperty("id").GetGuid(), Text: q.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(5, quotes.Count);

        await using var db = database.Open();
        var written = await db.Comments.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.PublicId, c.Text, c.SubmittedHour }).ToListAsync();
        Assert.Equal(12, written.Count);
        Assert.All(written, c => Assert.Equal(4, c.PublicId.Version));
        // The public ids do not follow the order the comments were written in …
        Assert.NotEqual(written.Select(c => c.Text), written.OrderBy(c => c.PublicId.ToString(), StringComparer.Ordinal).Select(c => c.Text));
        // … and the quotes of an hour are listed by that random id, newest hour first: not in the order of writing.
        var expected = written.OrderByDescending(c => c.SubmittedHour).ThenBy(c => c.PublicId.ToString(), StringComparer.Ordinal).Take(5).Select(c => (c.PublicId, c.Text));
        Assert.Equal(expected, quotes.Select(q => (q.Id, q.Text)));

        // The public id is what hiding takes.
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsync($"/api/v1/comments/{quotes[0].Id}/hide", null)).StatusCode);
        Assert.True(await db.Comments.AnyAsync(c => c.PublicId == quotes[0].Id && c.Hidden));
    }
}
