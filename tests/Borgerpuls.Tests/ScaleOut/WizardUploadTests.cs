using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Borgerpuls.Features.Import;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.ScaleOut;

/// <summary>The import wizard's three steps reach three different instances, as behind a round-robin load balancer, and the
/// instances share no temporary directory: the upload lives in the database between the steps.</summary>
public sealed partial class WizardUploadTests
{
    private const string Csv = "respondent_id;jobcenter;samtale\nu1;jc-nord;5\nu2;jc-nord;4\nu3;jc-syd;1\n";

    [Fact]
    public async Task Upload_on_one_instance_check_on_another_and_import_on_a_third_stores_the_file_once_and_forgets_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var a = new BorgerpulsApp(database);
        await using var b = new BorgerpulsApp(database);
        await using var c = new BorgerpulsApp(database);
        var email = await a.CreateUserAsync(Roles.Analyst);
        var jar = new CookieContainer();
        var (toA, toB, toC) = (Client(a, jar), Client(b, jar), Client(c, jar));
        Assert.Equal(HttpStatusCode.Redirect, (await toA.PostAsync("/login", await StaffLogin.FormAsync(toA, "/login", new() { ["email"] = email, ["password"] = StaffLogin.Password }))).StatusCode);

        var mapped = await UploadAsync(toA, Csv);
        var upload = Field(mapped, "Upload");
        Assert.Matches("^[0-9a-f]{32}$", upload);
        // Another machine has no copy in its temporary directory.
        ForgetLocalCopies();

        var check = await StepAsync(toB, "Check", mapped, upload);
        Assert.Contains("data-testid=\"import-checked\"", check);
        ForgetLocalCopies();
        var done = await StepAsync(toC, "Commit", check, upload);
        Assert.Contains("data-testid=\"import-done\"", done);

        await using var db = database.Open();
        Assert.Equal(3, await db.Responses.CountAsync());
        Assert.Equal(0, await db.WizardUploads.CountAsync());
        Assert.Equal(0, await db.WizardUploadChunks.CountAsync());
        // A reload of the import step after it was done imports nothing again: the upload is gone.
        Assert.Contains("Den uploadede fil findes ikke længere", await StepAsync(toA, "Commit", check, upload));
        Assert.Equal(3, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task A_file_of_several_chunks_comes_back_byte_for_byte_and_only_to_the_person_who_uploaded_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var a = new BorgerpulsApp(database);
        await using var b = new BorgerpulsApp(database);
        var analyst = await a.SignedInClientAsync(Roles.Analyst);
        var other = await b.SignedInClientAsync(Roles.Analyst);
        // 2.5 chunks of rows, each row different, so that a chunk out of order or lost changes the file.
        var csv = new StringBuilder("respondent_id;jobcenter;samtale\n");
        for (var i = 0; csv.Length < WizardUploadStore.ChunkBytes * 5 / 2; i++) csv.Append(FormattableString.Invariant($"r{i:D7};jc-nord;{1 + i % 5}\n"));

        var mapped = await UploadAsync(analyst, csv.ToString());
        var upload = Field(mapped, "Upload");
        await using (var db = database.Open())
        {
            var chunks = await db.WizardUploadChunks.OrderBy(x => x.Sequence).Select(x => x.Data).ToListAsync();
            Assert.Equal(3, chunks.Count);
            Assert.Equal(Encoding.UTF8.GetBytes(csv.ToString()), chunks.SelectMany(x => x).ToArray());
            Assert.True((await db.WizardUploads.SingleAsync()).Complete);
        }
        ForgetLocalCopies();

        // Someone else, with the id in hand, cannot go on with it.
        Assert.Contains("Den uploadede fil findes ikke længere", await StepAsync(other, "Check", mapped, upload));
        var check = await StepAsync(analyst, "Check", mapped, upload);
        Assert.Contains("data-testid=\"import-checked\"", check);
        var local = Path.Combine(UploadStore.Directory, upload + ".csv");
        Assert.Equal(Encoding.UTF8.GetBytes(csv.ToString()), await File.ReadAllBytesAsync(local));
    }

    [Fact]
    public async Task An_upload_left_for_more_than_a_day_is_not_used_and_is_deleted_at_the_next_upload()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var mapped = await UploadAsync(analyst, Csv);
        var upload = Field(mapped, "Upload");
        // Uploaded a day and a minute ago.
        await using (var db = database.Open())
        {
            var before = DateTime.UtcNow - WizardUploadStore.KeptFor - TimeSpan.FromMinutes(1);
            await db.WizardUploads.ExecuteUpdateAsync(s => s.SetProperty(u => u.UploadedAt, before));
        }

        Assert.Contains("Den uploadede fil findes ikke længere", await StepAsync(analyst, "Check", mapped, upload));
        await UploadAsync(analyst, Csv);
        await using var check = database.Open();
        Assert.Equal(1, await check.WizardUploads.CountAsync());
        Assert.Equal(1, await check.WizardUploadChunks.CountAsync());
        Assert.NotEqual(upload, (await check.WizardUploads.SingleAsync()).Id.ToString("N"));
    }

    private static HttpClient Client(BorgerpulsApp app, CookieContainer jar) => app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

    private static void ForgetLocalCopies()
    {
        if (Directory.Exists(UploadStore.Directory))
        {
            foreach (var file in Directory.GetFiles(UploadStore.Directory)) File.Delete(file);
        }
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync("/import");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("vive-7"), "Instrument" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "survey.csv");
        var response = await client.PostAsync("/import?handler=Upload", upload);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && html.Contains("data-testid=\"import-preview\"", StringComparison.Ordinal), html);
        return html;
    }

    /// <summary>The check or import step as the previous page's form sends it (its token, the upload id, the mapping as proposed).</summary>
    private static async Task<string> StepAsync(HttpClient client, string handler, string previous, string upload)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", TokenPattern().Match(await client.GetStringAsync("/import")).Groups[1].Value),
            new("Upload", upload), new("Instrument", "vive-7"),
            new("ValuesJson", WebUtility.HtmlDecode(Field(previous, "ValuesJson"))),
            new("Targets[0]", "respondent_id"), new("Targets[1]", "jobcenter"), new("Targets[2]", "samtale"),
        };
        var response = await client.PostAsync($"/import?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Field(string html, string name) => Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
