using System.Net;
using System.Text;
using Borgerpuls.Security;
using Borgerpuls.Tests.Features.Import.Reading;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.ServiceGoals;

/// <summary>The goals page, its form and the event-log import, on the demo organisation (jc-centrum, jc-nord, jc-syd, and
/// the goal svar-24-timer), seen on 10 June 2026.</summary>
public sealed class ServiceGoalPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _app = new BorgerpulsApp(_database) { Clock = new FixedClock(new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero)) };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Four events with Danish headers and ';': a key and a name for the centre, ISO and Danish times. Line 4 spans
    /// the change to summer time: received 28.3. 12:00 (UTC+1, 11:00 UTC), answered 29.3. 12:30 (UTC+2, 10:30 UTC): 23½ hours,
    /// though the clock on the wall moved 24½. Line 5 is open.</summary>
    private const string Log = """
        Hændelses-id;Type;Jobcenter;Modtaget;Besvaret
        A-1;henvendelse;jc-nord;2026-06-01 08:00;2026-06-01 09:30
        A-2;henvendelse;Jobcenter Aabæk Syd;2.6.2026 10:00;3.6.2026 11:00
        A-3;henvendelse;jc-nord;28.3.2026 12:00;29.3.2026 12:30
        A-4;henvendelse;jc-nord;2026-06-09 08:00;
        """;

    private static MultipartFormDataContent File(string text, string name = "log.csv") => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name },
    };

    private static async Task<string> ImportAsync(HttpClient client, string text, string query = "")
    {
        var response = await client.PostAsync("/service-goals/import" + query, File(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_event_log_is_imported_in_Danish_time_and_stored_in_UTC()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var page = await ImportAsync(analyst, Log);
        Assert.Contains("4 hændelser indlæst, 0 opdateret (4 nye, 0 var allerede indlæst).", page);
        await using var db = _database.Open();
        Assert.Equal(4, await db.ServiceEvents.CountAsync());
        var summer = await db.ServiceEvents.SingleAsync(e => e.EventKey == "A-3");
        Assert.Equal(new DateTime(2026, 3, 28, 11, 0, 0), summer.ReceivedAt, TimeSpan.Zero);
        Assert.Equal(new DateTime(2026, 3, 29, 10, 30, 0), summer.HandledAt!.Value, TimeSpan.Zero);
        Assert.Equal(new DateTime(2026, 6, 1, 6, 0, 0), (await db.ServiceEvents.SingleAsync(e => e.EventKey == "A-1")).ReceivedAt, TimeSpan.Zero);
        Assert.Equal("jc-syd", await db.JobCentres.Where(j => j.Id == db.ServiceEvents.Single(e => e.EventKey == "A-2").JobCentreId).Select(j => j.Key).SingleAsync());
        Assert.Null((await db.ServiceEvents.SingleAsync(e => e.EventKey == "A-4")).HandledAt);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "servicegoal.import" && a.Details!.Contains("4 added")));
    }

    /// <summary>A workbook as Excel writes it: the received time a date cell (a day number, read as Danish time: 1 June
    /// 08:00 is 06:00 UTC), the answer a text; row 3 names no known centre and is reported by Excel's row number.</summary>
    [Fact]
    public async Task A_workbook_is_read_with_date_cells_and_its_errors_name_the_excel_row()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var serial = new DateTime(2026, 6, 1, 8, 0, 0).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture);
        static DocumentFormat.OpenXml.Spreadsheet.Row Header() => XlsxBuilder.Row(1, XlsxBuilder.Inline("A1", "Hændelses-id"), XlsxBuilder.Inline("B1", "Type"),
            XlsxBuilder.Inline("C1", "Jobcenter"), XlsxBuilder.Inline("D1", "Modtaget"), XlsxBuilder.Inline("E1", "Besvaret"));
        DocumentFormat.OpenXml.Spreadsheet.Row Event(uint row, string id, string centre) => XlsxBuilder.Row(row, XlsxBuilder.Inline($"A{row}", id),
            XlsxBuilder.Inline($"B{row}", "henvendelse"), XlsxBuilder.Inline($"C{row}", centre), XlsxBuilder.Number($"D{row}", serial), XlsxBuilder.Inline($"E{row}", "1.6.2026 09:00"));

        var bad = await analyst.PostAsync("/service-goals/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(XlsxBuilder.Build([Header(), Event(2, "X-1", "jc-nord"), Event(3, "X-2", "jc-vest")])), "file", "log.xlsx" },
        });
        Assert.Contains("Linje 3, kolonne &quot;Jobcenter&quot;: &quot;jc-vest&quot; er hverken", await bad.Content.ReadAsStringAsync());
        var good = await analyst.PostAsync("/service-goals/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(XlsxBuilder.Build([Header(), Event(2, "X-1", "jc-nord"), Event(3, "X-2", "jc-syd")])), "file", "log.xlsx" },
        });
        Assert.Contains("2 hændelser indlæst, 0 opdateret (2 nye", await good.Content.ReadAsStringAsync());
        await using var db = _database.Open();
        var x1 = await db.ServiceEvents.SingleAsync(e => e.EventKey == "X-1");
        Assert.Equal(new DateTime(2026, 6, 1, 6, 0, 0), x1.ReceivedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(new DateTime(2026, 6, 1, 7, 0, 0), x1.HandledAt!.Value, TimeSpan.Zero);
    }

    [Fact]
    public async Task Three_bad_lines_among_good_ones_are_all_named_and_nothing_is_written()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var page = await ImportAsync(analyst, """
            event_id,kind,job_centre,received_at,handled_at
            B-1,henvendelse,jc-nord,2026-06-01 08:00,2026-06-01 09:00
            B-2,henvendelse,jc-vest,2026-06-01 08:00,2026-06-01 09:00
            B-3,henvendelse,jc-nord,2026-06-01 08:00,
            B-4,henvendelse,jc-nord,1.13.2026 08:00,
            B-5,henvendelse,jc-syd,2026-06-02 08:00,2026-06-01 08:00
            B-6,henvendelse,jc-syd,2026-06-02 08:00,2026-06-02 09:00
            """);
        Assert.Contains("Filen blev ikke indlæst, og intet er gemt: 3 fejl.", page);
        Assert.Contains("Linje 3, kolonne &quot;job_centre&quot;: &quot;jc-vest&quot; er hverken nøglen eller navnet på et jobcenter.", page);
        Assert.Contains("Linje 5, kolonne &quot;received_at&quot;: &quot;1.13.2026 08:00&quot; er ikke et tidspunkt", page);
        Assert.Contains("Linje 6, kolonne &quot;handled_at&quot;: Besvaret før modtaget", page);
        await using var db = _database.Open();
        Assert.Equal(0, await db.ServiceEvents.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "servicegoal.import"));
    }

    [Fact]
    public async Task A_file_without_the_columns_names_them()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var page = await ImportAsync(analyst, "id;type\nx;henvendelse\n");
        Assert.Contains("Kolonne(r) mangler: jobcenter, modtaget, besvaret.", page);
        var english = await ImportAsync(analyst, "id;type\nx;henvendelse\n", "?culture=en&ui-culture=en");
        Assert.Contains("Missing column(s): job centre, received at, answered at.", english);
    }

    /// <summary>The event log's own problems are said in the page's language, like the file reader's.</summary>
    [Fact]
    public async Task The_problems_of_an_event_log_are_said_in_english_on_the_english_page()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        const string log = """
            event_id,kind,job_centre,received_at,handled_at
            B-1,henvendelse,jc-vest,2026-06-01 08:00,2026-06-01 09:00
            B-2,,jc-nord,29.3.2026 02:30,
            B-3,henvendelse,jc-nord,2026-06-02 08:00,2026-06-01 08:00
            """;
        var english = await ImportAsync(analyst, log, "?culture=en&ui-culture=en");
        Assert.Contains("The file was not imported and nothing was saved: 4 error(s).", english);
        Assert.Contains("Line 2, column &quot;job_centre&quot;: &quot;jc-vest&quot; is neither the key nor the name of a job centre.", english);
        Assert.Contains("Line 3, column &quot;kind&quot;: The kind is missing", english);
        Assert.Contains("Line 3, column &quot;received_at&quot;: &quot;29.3.2026 02:30&quot; does not exist in Danish time", english);
        Assert.Contains("Line 4, column &quot;handled_at&quot;: Answered before received", english);
        var danish = await ImportAsync(analyst, log);
        Assert.Contains("Linje 2, kolonne &quot;job_centre&quot;: &quot;jc-vest&quot; er hverken nøglen eller navnet på et jobcenter.", danish);
        Assert.Contains("Linje 3, kolonne &quot;kind&quot;: Typen mangler", danish);
        Assert.Contains("Linje 3, kolonne &quot;received_at&quot;: &quot;29.3.2026 02:30&quot; findes ikke i dansk tid", danish);
        await using var db = _database.Open();
        Assert.Equal(0, await db.ServiceEvents.CountAsync());
    }

    [Fact]
    public async Task Importing_again_adds_nothing_and_a_later_answer_updates_the_event()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        await ImportAsync(analyst, Log);
        Assert.Contains("4 hændelser indlæst, 0 opdateret (0 nye, 4 var allerede indlæst).", await ImportAsync(analyst, Log));
        // A later export: A-4 answered, one new event, and A-1 left out (an overlapping, not an identical, file).
        var later = """
            Hændelses-id;Type;Jobcenter;Modtaget;Besvaret
            A-3;henvendelse;jc-nord;28.3.2026 12:00;29.3.2026 12:30
            A-4;henvendelse;jc-nord;2026-06-09 08:00;2026-06-10 07:00
            A-5;henvendelse;jc-nord;2026-06-09 09:00;
            """;
        Assert.Contains("3 hændelser indlæst, 1 opdateret (1 nye, 1 var allerede indlæst).", await ImportAsync(analyst, later));
        // The first file again does not take A-4's answer away.
        await ImportAsync(analyst, Log);
        await using var db = _database.Open();
        Assert.Equal(5, await db.ServiceEvents.CountAsync());
        Assert.Equal(new DateTime(2026, 6, 10, 5, 0, 0), (await db.ServiceEvents.SingleAsync(e => e.EventKey == "A-4")).HandledAt!.Value, TimeSpan.Zero);
    }

    [Fact]
    public async Task The_same_file_imported_twice_at_once_is_stored_once()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var pages = await Task.WhenAll(ImportAsync(analyst, Log), ImportAsync(analyst, Log));
        Assert.All(pages, p => Assert.Contains("4 hændelser indlæst", p));
        await using var db = _database.Open();
        Assert.Equal(4, await db.ServiceEvents.CountAsync());
    }

    private static (string, string)[] Form(string name, string hours, string share, bool published = true) =>
    [
        ("NameDa", name), ("NameEn", name + " (en)"), ("DescriptionDa", "Vi svarer hurtigt."), ("DescriptionEn", "We answer fast."),
        ("Kind", "henvendelse"), ("WithinHours", hours), ("TargetShare", share), .. (published ? new[] { ("Published", "true") } : []),
    ];

    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, (string, string)[] form, string page = "/service-goals/edit") =>
        await client.PostAsync(page, await StaffLogin.FormOfPairsAsync(client, page, form));

    /// <summary>The goal "Svar inden 24 timer" (target 95,5 %) on <see cref="Log"/>, seen on 10 June 2026 12:00 UTC: A-1 1½ h,
    /// A-2 25 h (late), A-3 23½ h, A-4 open with its deadline 10 June 06:00 UTC passed. Kept 2 of 4 = 50,0 %; jc-nord 2 of 3
    /// (66,7 %), jc-syd 0 of 1.</summary>
    [Fact]
    public async Task An_analyst_creates_a_goal_and_the_page_shows_its_compliance_per_centre()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        await ImportAsync(analyst, Log);
        var created = await SaveAsync(analyst, Form("Svar inden 24 timer", "24", "95,5 %"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await analyst.GetStringAsync("/service-goals");
        Assert.Contains("Servicemålet &quot;Svar inden 24 timer&quot; er oprettet.", list);
        Assert.Contains("50,0 pct.", list);
        Assert.Contains("66,7 pct.", list);
        Assert.Contains("Jobcenter Aabæk Syd", list);
        Assert.Contains("Ikke nået", list);
        await using (var db = _database.Open())
        {
            var goal = await db.ServiceGoals.SingleAsync(g => g.Key == "svar-inden-24-timer");
            Assert.Equal(("svar-inden-24-timer", 0.955, 24.0, true, "henvendelse"), (goal.Key, Math.Round(goal.TargetShare, 6), goal.WithinHours, goal.Published, goal.Kind));
            Assert.Equal("Svar inden 24 timer (en)", goal.Names["en"]);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "servicegoal.create" && a.Details!.Contains("svar-inden-24-timer")));
        }
        var english = await analyst.GetStringAsync("/service-goals?culture=en&ui-culture=en");
        Assert.Contains("Service goals", english);
        Assert.Contains("Svar inden 24 timer (en)", english);
        Assert.Contains("Share kept", english);
        Assert.Contains("50.0%", english);

        var id = await _database.Open().ServiceGoals.Where(g => g.Key == "svar-inden-24-timer").Select(g => g.Id).SingleAsync();
        var changed = await SaveAsync(analyst, Form("Svar inden 24 timer", "48", "40", published: false), $"/service-goals/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using var after = _database.Open();
        var saved = await after.ServiceGoals.SingleAsync(g => g.Key == "svar-inden-24-timer");
        Assert.Equal((48.0, 0.4, false), (saved.WithinHours, Math.Round(saved.TargetShare, 6), saved.Published));
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == "servicegoal.update"));
    }

    [Fact]
    public async Task A_bad_form_names_every_problem_and_a_form_sent_twice_stores_one_goal()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var refused = await SaveAsync(analyst, [("NameDa", ""), ("Kind", ""), ("WithinHours", "en dag"), ("TargetShare", "150")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Skriv et dansk navn på højst 200 tegn.", html);
        Assert.Contains("Skriv hvilken type hændelse målet gælder", html);
        Assert.Contains("&quot;en dag&quot; er ikke et antal timer", html);
        Assert.Contains("&quot;150&quot; er ikke en målandel", html);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(analyst, Form("Dobbelt", "24", "90"))).StatusCode);
        Assert.Contains("Der er allerede et servicemål med navnet &quot;Dobbelt&quot;.", await (await SaveAsync(analyst, Form("Dobbelt", "24", "90"))).Content.ReadAsStringAsync());
        var atOnce = await Task.WhenAll(SaveAsync(analyst, Form("Samtidig", "24", "90")), SaveAsync(analyst, Form("Samtidig", "24", "90")));
        Assert.Contains(atOnce, r => r.StatusCode == HttpStatusCode.Redirect);
        await using var db = _database.Open();
        var names = (await db.ServiceGoals.ToListAsync()).Select(g => g.Names["da"]).ToList();
        Assert.Equal(1, names.Count(n => n == "Dobbelt"));
        Assert.Equal(1, names.Count(n => n == "Samtidig"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "servicegoal.create"));
    }

    [Fact]
    public async Task Committee_members_and_managers_read_the_goals_and_change_nothing()
    {
        foreach (var role in new[] { Roles.Committee, Roles.Manager })
        {
            var client = await _app.SignedInClientAsync(role, "jc-nord");
            var list = await client.GetAsync("/service-goals");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("/service-goals/edit", await list.Content.ReadAsStringAsync());
            foreach (var page in new[] { "/service-goals/edit", "/service-goals/import" })
            {
                var denied = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
            }
            var posted = await client.PostAsync("/service-goals/import", File(Log));
            Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        }
        await using var db = _database.Open();
        Assert.Equal(0, await db.ServiceEvents.CountAsync());
    }

    [Fact]
    public async Task The_command_line_imports_with_the_database_named_before_or_after_the_verb()
    {
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv");
        await System.IO.File.WriteAllTextAsync(path, Log);
        try
        {
            var first = await CliRunner.RunAsync("--culture", "en", "--db", _database.Value, "service-goals", "import", path);
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Contains("Read 4 events: 4 new, 0 updated, 0 already imported.", first.Output);
            var again = await CliRunner.RunAsync("--culture", "en", "service-goals", "import", path, "--db", _database.Value);
            Assert.Contains("4 already imported", again.Output);
            await System.IO.File.WriteAllTextAsync(path, "id;type;jobcenter;modtaget;besvaret\nZ;henvendelse;jc-vest;2026-06-01 08:00;\n");
            var bad = await CliRunner.RunAsync("--culture", "en", "service-goals", "import", path, "--db", _database.Value);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("line 2, column \"jobcenter\": \"jc-vest\" is neither the key nor the name of a job centre.", bad.Error);
            // The command line speaks Danish unless asked for English, and so does the event log's problem.
            var danish = await CliRunner.RunAsync("service-goals", "import", path, "--db", _database.Value);
            Assert.Equal(2, danish.ExitCode);
            Assert.Contains("linje 2, kolonne \"jobcenter\": \"jc-vest\" er hverken nøglen eller navnet på et jobcenter.", danish.Error);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
        await using var db = _database.Open();
        Assert.Equal(4, await db.ServiceEvents.CountAsync());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
