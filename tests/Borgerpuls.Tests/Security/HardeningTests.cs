using System.Net;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Security;

public sealed class HardeningTests
{
    [Fact]
    public async Task Pages_carry_a_strict_csp_and_security_headers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var client = app.CreateClient();

        var response = await client.GetAsync("/");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>", html);
        Assert.DoesNotContain(" style=\"", html);
    }

    [Fact]
    public async Task Staff_pages_need_sign_in_and_apis_answer_401_not_a_redirect()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var admin = await app.SignedInClientAsync(Roles.Admin, antiforgery: false);

        var response = await admin.PostAsync("/admin/users?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "x@kommune.dk", ["password"] = StaffLogin.Password, ["role"] = Roles.Admin,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Csv_cells_that_look_like_formulas_are_neutralised()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvCell.Of("=HYPERLINK(\"http://x\")"));
        Assert.Equal("\"'+45 12345678\"", CsvCell.Of("+45 12345678"));
        Assert.Equal("\"'-1\"", CsvCell.Of("-1"));
        Assert.Equal("\"'@SUM(A1)\"", CsvCell.Of("@SUM(A1)"));
        Assert.Equal("\"Sjællandsgade\"", CsvCell.Of("Sjællandsgade"));
    }
}
