using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Ingest;

/// <summary>What is stored, inspected directly: redacted comments only, no IP address or user agent, the hour and no finer,
/// and no trace of the invitation token on the response.</summary>
public sealed class PrivacyTests
{
    private const string RawComment = "Ring til mig på +45 12 34 56 78 eller skriv til søren.ørsted@eksempel.dk – mit cpr er 010190-1234.";

    [Fact]
    public async Task Comments_are_redacted_before_storage_and_the_raw_text_never_reaches_the_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var key = await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet");
        await using (var app = new BorgerpulsApp(database))
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("TabletBrowser/1.0 (unique-agent-marker)");
            var response = await client.PostAsJsonAsync("/api/v1/responses", new
            {
                id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now,
                context = new { unit = "aktivitetsparat-team", targetGroup = "aktivitetsparat", meetingType = "samtale", language = "da" },
                answers = new Dictionary<string, string> { ["hoert"] = "2", ["kommentar"] = RawComment },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await using var db = database.Open();
        var comment = await db.Comments.SingleAsync();
        Assert.Equal("Ring til mig på [TELEFON] eller skriv til [EMAIL] – mit cpr er [CPR].", comment.Text);
        foreach (var secret in new[] { "12 34 56 78", "ørsted@", "010190", "unique-agent-marker", "127.0.0.1" })
        {
            Assert.False(await StoredAnywhereAsync(database, db, secret), $"'{secret}' was found in the database");
        }
    }

    [Fact]
    public async Task Responses_have_no_column_for_addresses_agents_tokens_or_precise_times()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var columns = db.Model.FindEntityType(typeof(Response))!.GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.DoesNotContain(columns, c => c.Contains("ip", StringComparison.Ordinal) || c.Contains("agent", StringComparison.Ordinal)
            || c.Contains("token", StringComparison.Ordinal) || c.Contains("device", StringComparison.Ordinal));
        var times = db.Model.FindEntityType(typeof(Response))!.GetProperties().Where(p => p.ClrType == typeof(DateTime)).Select(p => p.Name);
        Assert.Equal(["SubmittedHour"], times);
        var invitationColumns = db.Model.FindEntityType(typeof(Invitation))!.GetProperties().Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?));
        Assert.Empty(invitationColumns);
    }

    [Fact]
    public async Task An_invitation_is_answered_once_and_its_token_is_not_stored_with_the_response()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var token = SecretKeys.New();
        await using (var db = database.Open())
        {
            db.Invitations.Add(new Invitation
            {
                TokenHash = SecretKeys.Hash(token), InstrumentId = await db.Instruments.Where(i => i.Key == "borgeroplevelse-5").Select(i => i.Id).SingleAsync(),
                JobCentreId = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync(),
                TargetGroupId = await db.TargetGroups.Where(t => t.Key == "sygedagpenge").Select(t => t.Id).SingleAsync(),
                MeetingDate = DateOnly.FromDateTime(DateTime.UtcNow), ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14),
            });
            await db.SaveChangesAsync();
        }
        await using var app = new BorgerpulsApp(database);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Invitation", token);
        object Answer() => new { id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now, answers = new Dictionary<string, string> { ["tror"] = "5" } };

        var first = await client.PostAsJsonAsync("/api/v1/responses", Answer());
        var second = await client.PostAsJsonAsync("/api/v1/responses", Answer());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        await using var check = database.Open();
        var response = await check.Responses.SingleAsync();
        Assert.Equal(Channel.Link, response.Channel);
        Assert.Equal(await check.TargetGroups.Where(t => t.Key == "sygedagpenge").Select(t => (int?)t.Id).SingleAsync(), response.TargetGroupId);
        Assert.True((await check.Invitations.SingleAsync()).Used);
        Assert.False(await StoredAnywhereAsync(database, check, token));
    }

    /// <summary>Looks for a text in every table: in the SQLite file and its WAL byte for byte, in PostgreSQL in every row as text.</summary>
    private static async Task<bool> StoredAnywhereAsync(TestDatabase database, Borgerpuls.Data.BorgerpulsDb db, string secret)
    {
        if (!TestDatabase.IsPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var path = database.Target.Display;
            var needle = Encoding.UTF8.GetBytes(secret);
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                if (memory.ToArray().AsSpan().IndexOf(needle) >= 0) return true;
            }
            return false;
        }
        var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        foreach (var table in tables)
        {
            // Table names come from the catalogue, not from input.
#pragma warning disable EF1002, EF1003
            var hits = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" t WHERE t::text LIKE {0}", "%" + secret + "%").SingleAsync();
#pragma warning restore EF1002, EF1003
            if (hits > 0) return true;
        }
        return false;
    }
}
