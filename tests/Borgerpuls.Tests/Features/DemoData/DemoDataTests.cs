using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.DemoData;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_data_covers_every_channel_instrument_and_target_group_over_two_years()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "6000", "--db", database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Generated 6,000 responses", result.Output);
        await using var db = database.Open();
        Assert.Equal(6000, await db.Responses.CountAsync());
        Assert.Equal(3, await db.JobCentres.CountAsync());
        var channels = await db.Responses.Select(r => r.Channel).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<Channel>().Order(), channels.Order());
        Assert.Equal(5, await db.Responses.Select(r => r.InstrumentId).Distinct().CountAsync());
        // One in twenty are staff's answers to the VIVE survey's mirror: on the web, each about a target group.
        var mirror = await db.Instruments.Where(i => i.Key == "vive-7-spejl").Select(i => i.Id).SingleAsync();
        Assert.Equal(300, await db.Responses.CountAsync(r => r.InstrumentId == mirror));
        Assert.Equal(0, await db.Responses.CountAsync(r => r.InstrumentId == mirror && (r.TargetGroupId == null || r.Channel != Channel.Web || r.CampaignId == null)));
        Assert.Equal(9, await db.Responses.Where(r => r.TargetGroupId != null).Select(r => r.TargetGroupId).Distinct().CountAsync());
        var first = await db.Responses.MinAsync(r => r.SubmittedHour);
        var last = await db.Responses.MaxAsync(r => r.SubmittedHour);
        Assert.InRange((last - first).TotalDays, 700, 731);
        Assert.True(await db.Comments.CountAsync() > 50);
        Assert.True(await db.Responses.CountAsync(r => r.QualityFlags == ResponseQuality.KioskRepeat) > 0);

        // Denominators as a job centre records them: declined tablets (more often among the vulnerable) and paper forms
        // handed out, so that the demo's response rates are neither 100 % nor missing.
        var tablet = await db.Responses.CountAsync(r => r.Channel == Channel.Tablet);
        var declines = await db.DeclinedHandOvers.CountAsync();
        Assert.InRange((double)tablet / (tablet + declines), 0.55, 0.8);
        var paper = await db.Responses.CountAsync(r => r.Channel == Channel.Paper);
        var handedOut = await db.PaperDistributions.SumAsync(p => p.Count);
        Assert.InRange((double)paper / handedOut, 0.35, 0.65);
        using var json = System.Text.Json.JsonDocument.Parse((await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "borgeroplevelse-5", "--format", "json", "--db", database.Value)).Output);
        var rate = json.RootElement.GetProperty("groups")[0].GetProperty("responseRate");
        Assert.InRange(rate.GetProperty("rate").GetDouble(), 0.55, 0.8);
    }

    /// <summary>The bulk writers keep their own column lists (SQLite statements, PostgreSQL COPY) next to EF's mapping: rows
    /// with a distinct, non-default value in every column are written by the bulk writer and read back through EF, and every
    /// property EF maps is compared with what was handed to the writer — a column written to the wrong place, or not at all,
    /// fails here.</summary>
    [Fact]
    public async Task Bulk_written_responses_read_back_through_ef_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        List<ResponseRow> written;
        await using (var db = database.Open())
        {
            var version = await db.InstrumentVersions.Where(v => v.Instrument!.Key == "vive-7").OrderByDescending(v => v.Number).FirstAsync();
            var site = await db.Sites.OrderBy(x => x.Id).LastAsync();
            var unit = await db.Units.OrderBy(u => u.Id).LastAsync();
            var ids = (
                Campaign: await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).LastAsync(),
                Offer: await db.Offers.OrderBy(o => o.Id).Select(o => o.Id).LastAsync(),
                TargetGroups: await db.TargetGroups.OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync());
            Response Make(int n) => new()
            {
                Id = Guid.NewGuid(), InstrumentVersionId = version.Id, InstrumentId = version.InstrumentId, CampaignId = n == 0 ? ids.Campaign : null,
                Channel = n == 0 ? Channel.Web : Channel.Paper, SubmittedHour = new DateTime(2026, 3, 14 + n, 15 - n, 0, 0, DateTimeKind.Utc),
                JobCentreId = site.JobCentreId, SiteId = n == 0 ? site.Id : null, UnitId = n == 0 ? unit.Id : null, OfferId = n == 0 ? ids.Offer : null,
                TargetGroupId = ids.TargetGroups[n], MeetingType = n == 0 ? "opfoelgning" : null, Language = n == 0 ? "uk" : "da",
                Background = n == 0 ? new() { ["alder"] = "30-39", ["sagsbehandlerskift"] = "ja" } : [],
                Answers = new() { ["samtale"] = [n == 0 ? "4" : "2"], ["behandling"] = ["5"], ["spoerge"] = ["1"] },
                QualityFlags = n == 0 ? ResponseQuality.KioskRepeat : ResponseQuality.None, ContentHash = $"hash-{n}",
            };
            written = [.. Enumerable.Range(0, 2).Select(n => Make(n)).Select(r => new ResponseRow(r, r.Channel != Channel.Web ? [] :
            [
                new Comment
                {
                    QuestionKey = "kommentar", Text = "Ventetiden var lang – men fin samtale", Themes = ["ventetid", "samtale"], InstrumentId = r.InstrumentId,
                    SubmittedHour = r.SubmittedHour, Channel = r.Channel, JobCentreId = r.JobCentreId, SiteId = r.SiteId, UnitId = r.UnitId,
                    TargetGroupId = r.TargetGroupId,
                },
            ]))];
        }
        await using (var writer = await ResponseBulkWriter.OpenAsync(database.Factory, null, CancellationToken.None))
        {
            await writer.WriteAsync(written, CancellationToken.None);
        }

        await using var read = database.Open();
        foreach (var row in written)
        {
            var response = await read.Responses.AsNoTracking().SingleAsync(r => r.Id == row.Response.Id);
            SameColumns(read, row.Response, response);
            var comments = await read.Comments.AsNoTracking().Where(c => c.ResponseId == row.Response.Id).ToListAsync();
            Assert.Equal(row.Comments.Count, comments.Count);
            foreach (var (expected, actual) in row.Comments.Zip(comments))
            {
                // The key is the database's to give; the link to the response is the writer's. (A comment is always stored
                // visible — hiding is a later staff action — and its themes are the writer's classification, set on the row.)
                Assert.Equal(row.Response.Id, actual.ResponseId);
                SameColumns(read, expected, actual, nameof(Comment.Id), nameof(Comment.ResponseId));
            }
        }
    }

    /// <summary>Every property EF maps for <typeparamref name="T"/> (so a new column is checked without touching this test).</summary>
    private static void SameColumns<T>(Borgerpuls.Data.BorgerpulsDb db, T expected, T actual, params string[] except)
    {
        var columns = db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.PropertyInfo is not null && !except.Contains(p.Name)).ToList();
        Assert.NotEmpty(columns);
        foreach (var column in columns)
        {
            var (a, b) = (Show(column.PropertyInfo!.GetValue(expected)), Show(column.PropertyInfo.GetValue(actual)));
            Assert.True(a == b, $"{typeof(T).Name}.{column.Name}: written {a}, read back {b}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        // SQLite hands DateTime back without a kind; the stored instant is what must survive.
        DateTime time => time.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Dictionary<string, string[]> answers => string.Join(";", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + string.Join("+", a.Value))),
        Dictionary<string, string> pairs => string.Join(";", pairs.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value)),
        IEnumerable<string> list => string.Join("+", list),
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [Fact]
    public async Task Same_seed_gives_the_same_figures()
    {
        await using var a = await TestDatabase.CreateAsync();
        await using var b = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "500", "--seed", "7", "--db", a.Value);
        await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "500", "--seed", "7", "--db", b.Value);
        await using var dbA = a.Open();
        await using var dbB = b.Open();

        static async Task<List<string>> Fingerprint(Borgerpuls.Data.BorgerpulsDb db) =>
            (await db.Responses.AsNoTracking().Select(r => new { r.SubmittedHour, r.Answers, r.Channel }).ToListAsync())
            .Select(r => $"{r.SubmittedHour:O}|{r.Channel}|{string.Join(",", r.Answers.OrderBy(x => x.Key).Select(x => x.Key + "=" + string.Join("+", x.Value)))}")
            .Order().ToList();

        Assert.Equal(await Fingerprint(dbA), await Fingerprint(dbB));
    }

    [Fact]
    public async Task Rejects_a_negative_count()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await CliRunner.RunAsync("--culture", "en", "demo-data", "--responses", "-5", "--db", database.Value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--responses must be between", result.Error);
    }
}
