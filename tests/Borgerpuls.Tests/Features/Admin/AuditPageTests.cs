using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.Admin;

/// <summary>The audit log found a page at a time by person, kind and Danish day. Known entries: 150 report downloads by
/// anna@aabaek.dk from 31 March 2026 21:30:00 UTC (23:30 in Copenhagen, summer time since 29 March: still 31 March) one
/// second apart, and 30 locks by bo@aabaek.dk at 31 March 22:30 UTC (00:30 on 1 April in Copenhagen).</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        (_database, _app) = await DemoOrganisation.StartAsync();
        await using (var db = _database.Open())
        {
            var start = new DateTime(2026, 3, 31, 21, 30, 0, DateTimeKind.Utc);
            db.AuditEntries.AddRange(Enumerable.Range(0, 150).Select(i => new AuditEntry { At = start.AddSeconds(i), Actor = "anna@aabaek.dk", Action = "report.download", Details = $"r{i}" }));
            db.AuditEntries.AddRange(Enumerable.Range(0, 30).Select(i => new AuditEntry { At = new DateTime(2026, 3, 31, 22, 30, i, DateTimeKind.Utc), Actor = "bo@aabaek.dk", Action = "user.lock", Details = $"l{i}" }));
            await db.SaveChangesAsync();
        }
        _admin = await _app.SignedInClientAsync(Roles.Admin);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static int Rows(string page, string action) => Regex.Count(page, $"<code>{Regex.Escape(action)}</code>");

    [Fact]
    public async Task A_person_is_found_a_hundred_entries_at_a_time_newest_first_with_the_filter_kept_on_every_page()
    {
        var first = await _admin.GetStringAsync("/admin/audit?who=ANNA");
        Assert.Equal(100, Rows(first, "report.download"));
        Assert.Equal(0, Rows(first, "user.lock"));
        Assert.Contains("150 hændelser, nyeste først — side 1 af 2", first);
        Assert.Contains("<td>r149</td>", first); // newest first
        Assert.DoesNotContain("<td>r49</td>", first);
        Assert.Contains("href=\"/admin/audit?who=ANNA&amp;pageNumber=2\"", first);
        Assert.Contains("href=\"/admin/audit?handler=Csv&amp;who=ANNA\"", first);

        var second = await _admin.GetStringAsync("/admin/audit?who=ANNA&pageNumber=2");
        Assert.Equal(50, Rows(second, "report.download"));
        Assert.Contains("<td>r0</td>", second);
        Assert.Contains("Side 2 af 2", second);
        Assert.Contains("href=\"/admin/audit?who=ANNA&amp;pageNumber=1\"", second);
        Assert.Equal(50, Rows(await _admin.GetStringAsync("/admin/audit?who=ANNA&pageNumber=99"), "report.download")); // past the end: the last page
    }

    [Fact]
    public async Task Days_are_danish_calendar_days_and_a_kind_is_chosen_by_its_danish_name()
    {
        var april = await _admin.GetStringAsync("/admin/audit?from=2026-04-01&to=2026-04-01");
        Assert.Equal(30, Rows(april, "user.lock"));
        Assert.Equal(0, Rows(april, "report.download"));
        Assert.Contains("30 hændelser", april);

        var march = await _admin.GetStringAsync("/admin/audit?to=2026-03-31");
        Assert.Contains("150 hændelser", march);

        var locks = await _admin.GetStringAsync("/admin/audit?what=user.lock");
        Assert.Contains("30 hændelser", locks);
        Assert.Contains("<option value=\"user.lock\" selected=\"selected\">Bruger låst</option>", locks);

        var csv = await _admin.GetStringAsync("/admin/audit?handler=Csv&what=user.lock&from=2026-04-01");
        Assert.Equal(31, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header and 30 lines
        Assert.DoesNotContain("report.download", csv);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_or_cannot_be_read_says_so_in_danish_and_english()
    {
        var none = await _admin.GetStringAsync("/admin/audit?who=ingen-her");
        Assert.Contains("Ingen hændelser passer til filteret.", none);
        Assert.DoesNotContain("<table class=\"data\">", none.Split("Invitationer")[0]);

        var bad = await _admin.GetAsync("/admin/audit?from=31-03-2026");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("»31-03-2026« er ikke en dato; skriv den som 2026-03-01.", await bad.Content.ReadAsStringAsync());

        var swapped = await _admin.GetStringAsync("/admin/audit?from=2026-04-01&to=2026-03-31");
        Assert.Contains("Fra-dagen lå efter til-dagen; de er byttet om.", swapped);
        Assert.Contains("180 hændelser", swapped);

        var english = await _admin.GetStringAsync("/admin/audit?who=bo@&culture=en&ui-culture=en");
        Assert.Contains("30 events, newest first — page 1 of 1", english);
        Assert.Contains("Search the log", english);
    }
}
