using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Security.Redaction;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Security;

/// <summary>Nothing computed from a comment before redaction reaches the database: the stored rows are read column by
/// column and searched for every function of the unredacted text the earlier version stored or an attacker could try.
/// Retries keep working, also for responses stored before the upgrade.</summary>
public sealed class StoredDerivationTests
{
    private const string Cpr = "010190-1234";
    private const string RawComment = "Jeg blev ringet op på 12345678, mit cpr er " + Cpr + ".";

    private static object Submission(Guid id, string comment, string score = "2") => new
    {
        id, instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now,
        context = new { unit = "aktivitetsparat-team", targetGroup = "aktivitetsparat", meetingType = "samtale", language = "da" },
        answers = new Dictionary<string, string> { ["hoert"] = score, ["kommentar"] = comment },
    };

    private static HttpClient Tablet(WebApplicationFactory<Program> app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        return client;
    }

    private static async Task<(TestDatabase Database, string DeviceKey)> TabletDeploymentAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        return (database, await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet"));
    }

    private static async Task<string> StatusOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_stored_response_holds_no_function_of_the_comment_before_redaction()
    {
        var (database, key) = await TabletDeploymentAsync();
        await using var _ = database;
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using (var app = new BorgerpulsApp(database))
        {
            var client = Tablet(app, key);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/responses", Submission(id, RawComment))).StatusCode);
            // Another citizen, the same answers, another CPR number and phone.
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/responses", Submission(other, "Jeg blev ringet op på 87654321, mit cpr er 311285-4321."))).StatusCode);

            var retry = await client.PostAsJsonAsync("/api/v1/responses", Submission(id, RawComment));
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal("duplicate", await StatusOf(retry));
            var changed = await client.PostAsJsonAsync("/api/v1/responses", Submission(id, RawComment, score: "4"));
            Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        }

        await using var db = database.Open();
        var stored = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == id);
        var forbidden = Forbidden(stored, RawComment);
        var cells = await CellsAsync(db, id);
        Assert.NotEmpty(cells);
        foreach (var (column, value) in cells)
        {
            foreach (var (name, derived) in forbidden)
            {
                Assert.False(value.Contains(derived, StringComparison.OrdinalIgnoreCase), $"{column} holds {name}: {value}");
            }
        }
        // The hash is a function of the stored row only: two citizens whose comments differ only in what was redacted get the same.
        var otherHash = await db.Responses.Where(r => r.Id == other).Select(r => r.ContentHash).SingleAsync();
        Assert.Equal(stored.ContentHash, otherHash);
        Assert.False(ResponseHash.IsLegacy(stored.ContentHash));
    }

    [Fact]
    public async Task A_response_stored_before_the_upgrade_is_recognised_on_retry_before_and_after_it_is_rehashed()
    {
        var (database, key) = await TabletDeploymentAsync();
        await using var _ = database;
        var id = Guid.NewGuid();
        // An em dash the earlier version did not recognise: it stored the number in the comment and hashed the raw text.
        const string raw = "mit cpr er 010190\u20141234, tak";
        await using (var app = new BorgerpulsApp(database))
        {
            Assert.Equal(HttpStatusCode.Created, (await Tablet(app, key).PostAsJsonAsync("/api/v1/responses", Submission(id, raw))).StatusCode);
        }
        string legacy;
        await using (var db = database.Open())
        {
            var stored = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == id);
            legacy = ResponseHash.Legacy(stored, ["kommentar:" + raw]);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Responses" SET "ContentHash" = {0}""", legacy);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Comments" SET "Text" = {0}""", raw);
        }

        // Before the upgrade has reached the row: the legacy hash of what the client sends again matches.
        await using (var app = new BorgerpulsApp(database).WithWebHostBuilder(b => b.UseSetting("Privacy:UpgradeStoredContent", "false")))
        {
            var client = Tablet(app, key);
            var retry = await client.PostAsJsonAsync("/api/v1/responses", Submission(id, raw));
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal("duplicate", await StatusOf(retry));
            Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/v1/responses", Submission(id, raw, score: "4"))).StatusCode);
        }

        Assert.Equal(1, await StoredContentUpgrade.RunAsync(database.Factory, CancellationToken.None));
        Assert.Equal(0, await StoredContentUpgrade.RunAsync(database.Factory, CancellationToken.None)); // nothing left: safe to run again
        await using (var db = database.Open())
        {
            Assert.Equal("mit cpr er [CPR], tak", await db.Comments.Select(c => c.Text).SingleAsync());
            var stored = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.False(ResponseHash.IsLegacy(stored.ContentHash));
            foreach (var (column, value) in await CellsAsync(db, id))
            {
                foreach (var (name, derived) in Forbidden(stored, raw))
                {
                    Assert.False(value.Contains(derived, StringComparison.OrdinalIgnoreCase), $"{column} holds {name}: {value}");
                }
            }
        }

        // After it: the retry still is the same response, a changed answer still a conflict, and the app's own start-up run
        // finds nothing left to do.
        await using (var app = new BorgerpulsApp(database))
        {
            var client = Tablet(app, key);
            var retry = await client.PostAsJsonAsync("/api/v1/responses", Submission(id, raw));
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal("duplicate", await StatusOf(retry));
            Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/v1/responses", Submission(id, raw, score: "4"))).StatusCode);
        }
    }

    [Fact]
    public async Task The_start_up_upgrade_rehashes_in_the_background()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "300", "--db", database.Value);
        await using (var db = database.Open())
        {
            // As an earlier version left them: a plain hex digest over the text before redaction.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Responses" SET "ContentHash" = {0}""", Convert.ToHexStringLower(SHA256.HashData("x"u8)));
        }
        await using (var app = new BorgerpulsApp(database))
        {
            _ = app.CreateClient();
            await using var db = database.Open();
            var prefix = ResponseHash.Prefix.ToString();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await db.Responses.AnyAsync(r => !r.ContentHash.StartsWith(prefix)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            Assert.False(await db.Responses.AnyAsync(r => !r.ContentHash.StartsWith(prefix)));
            Assert.Equal(300, await db.Responses.CountAsync());
        }
    }

    /// <summary>What could be computed from the comment before redaction, with a name for the message.</summary>
    private static List<(string Name, string Value)> Forbidden(Response stored, string rawComment)
    {
        var legacy = ResponseHash.Legacy(stored, ["kommentar:" + rawComment]);
        var digits = string.Concat(rawComment.Where(char.IsAsciiDigit));
        var list = new List<(string, string)>
        {
            ("the raw comment", rawComment),
            ("the CPR number", "0101901234"),
            ("the date of birth", "010190"),
            ("the digits of the comment", digits),
            ("SHA-256 of the raw comment", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawComment)))),
            ("SHA-256 of the CPR number", Convert.ToHexStringLower(SHA256.HashData("0101901234"u8))),
            ("SHA-256 of the dashed CPR number", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Cpr)))),
            ("the legacy hash (base64)", Convert.ToBase64String(Convert.FromHexString(legacy))),
        };
        // Any 12-character stretch of the earlier, unsalted content hash: a truncated copy would do as well for a brute force.
        for (var i = 0; i + 12 <= legacy.Length; i += 4)
        {
            list.Add(("part of the legacy hash at " + i.ToString(CultureInfo.InvariantCulture), legacy.Substring(i, 12)));
        }
        return list;
    }

    /// <summary>Every column of the response's row and its comments' rows, read raw (blobs as hex and as text).</summary>
    private static async Task<List<(string Column, string Value)>> CellsAsync(Borgerpuls.Data.BorgerpulsDb db, Guid id)
    {
        var cells = new List<(string, string)>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in new[] { "Responses", "Comments" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.AddRange(Values(reader, i).Select(v => ($"{table}.{reader.GetName(i)}", v)));
                }
            }
        }
        Assert.Contains(cells, c => c.Item2.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        return cells;
    }

    private static IEnumerable<string> Values(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            yield break;
        }
        var value = reader.GetValue(i);
        if (value is byte[] bytes)
        {
            yield return Convert.ToHexStringLower(bytes);
            yield return Encoding.UTF8.GetString(bytes);
            yield break;
        }
        yield return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }
}
