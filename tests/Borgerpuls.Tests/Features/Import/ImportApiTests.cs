using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Features.Import;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Import;

/// <summary>POST /api/v1/imports: every error listed with line and column and nothing written; dry run; re-import skips.</summary>
public sealed partial class ImportApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    internal static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/import");
        return TokenPattern().Match(html).Groups[1].Value;
    }

    private static MultipartFormDataContent Form(string token, string csv, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("vive-7"), "instrument" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "vive.csv");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    private async Task<int> StoredAsync()
    {
        await using var db = _database.Open();
        return await db.Responses.CountAsync();
    }

    [Fact]
    public async Task A_file_with_errors_on_several_lines_is_rejected_with_every_error_located_and_nothing_written()
    {
        var client = await _app.SignedInClientAsync(Roles.Analyst);
        var csv = "respondent_id;jobcenter;samtale;behandling\nr1;jc-nord;5;4\nr2;jc-nord;9;4\nr3;jc-nord;5;4\nr4;jc-nord;3;meget vredt\n";

        var response = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, problem.RootElement.GetProperty("total").GetInt32());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "samtale"), (5, "behandling")], errors);
        Assert.Equal("Importen blev afvist; intet blev skrevet.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("2 fejl.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_without_writing_and_a_re_import_does_not_duplicate()
    {
        var client = await _app.SignedInClientAsync(Roles.Analyst);
        var csv = "respondent_id;jobcenter;samtale\nr1;jc-nord;5\nr2;jc-syd;Tilfreds\n";

        var dry = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv, ("dryRun", "true")));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        using (var body = JsonDocument.Parse(await dry.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("dryRun").GetBoolean());
            Assert.Equal(2, body.RootElement.GetProperty("wouldImport").GetInt32());
        }
        Assert.Equal(0, await StoredAsync());

        var first = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv));
        var again = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync()))
        {
            Assert.Equal(0, body.RootElement.GetProperty("imported").GetInt32());
            Assert.Equal(2, body.RootElement.GetProperty("skipped").GetInt32());
        }
        Assert.Equal(2, await StoredAsync());
        await using var db = _database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import" && a.Actor.StartsWith("analyst-")));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import.dry-run"));
        Assert.Empty(await db.Set<Borgerpuls.Data.Aggregates.AggregateDeferral>().ToListAsync());
        Assert.Equal(2, await db.AggregateCells.Where(c => c.Cube == Borgerpuls.Data.Aggregates.Cube.Main).SumAsync(c => c.Respondents));
    }

    [Fact]
    public async Task A_fixed_job_centre_is_sent_as_set_and_a_malformed_one_is_a_field_error()
    {
        var client = await _app.SignedInClientAsync(Roles.Analyst);
        var csv = "respondent_id;samtale\nr1;5\n";

        var malformed = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv, ("set", "jobcenter")));
        var english = await client.PostAsync("/api/v1/imports?culture=en", Form(await TokenAsync(client), csv, ("set", "jobcenter")));
        var response = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv, ("set", "jobcenter=jc-nord")));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        // The problem is said in the reader's language: Danish by default, English when asked for.
        Assert.Contains("--set jobcenter: skriv KOLONNE=VÆRDI", await malformed.Content.ReadAsStringAsync());
        Assert.Contains("--set jobcenter: write COLUMN=VALUE", await english.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = _database.Open();
        var nord = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync();
        Assert.Equal(nord, await db.Responses.Select(r => r.JobCentreId).SingleAsync());
    }

    [Fact]
    public async Task A_mapping_sent_with_the_file_is_applied_and_a_cookie_request_needs_the_antiforgery_token()
    {
        var client = await _app.SignedInClientAsync(Roles.Analyst, antiforgery: false);
        var csv = "id;centre;Samtalen\nr1;jc-nord;Meget tilfreds med samtalen\n";
        var mapping = """{ "columns": { "id": "respondent_id", "centre": "jobcenter", "Samtalen": "samtale" }, "values": { "samtale": { "Meget tilfreds med samtalen": "5" } } }""";

        var forged = await client.PostAsync("/api/v1/imports", Form("forged", csv, ("mapping", mapping)));
        var response = await client.PostAsync("/api/v1/imports", Form(await TokenAsync(client), csv, ("mapping", mapping)));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = _database.Open();
        Assert.Equal(["5"], (await db.Responses.SingleAsync()).Answers["samtale"]);
    }

    [Fact]
    public async Task Managers_may_not_import()
    {
        var client = await _app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var response = await client.PostAsync("/api/v1/imports", Form("x", "respondent_id;jobcenter;samtale\nr1;jc-nord;5\n"));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized });
        Assert.Equal(0, await StoredAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();
}
