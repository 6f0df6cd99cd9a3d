using System.Diagnostics;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>The HTML committee report printed to PDF by Chromium, as staff print it from the browser, and turned into PNG
/// pages with pdftoppm (poppler-utils) for the test artifacts; the first page also illustrates docs/reports.md.</summary>
public sealed class ReportPdfTests
{
    [Fact]
    public async Task The_html_report_prints_to_a_pdf_with_pages()
    {
        var dir = Directory.CreateTempSubdirectory("borgerpuls-report-pdf-").FullName;
        try
        {
            var db = Path.Combine(dir, "report.db");
            var html = Path.Combine(dir, "udvalgsrapport.html");
            await RunningServer.CliAsync("demo-data", "--responses", "4000", "--db", db);
            await RunningServer.CliAsync("report", "--instrument", "vive-7", "--out", html, "--db", db);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(html).AbsoluteUri);
            Assert.Equal("Udvalgsrapport: borgernes oplevelse af jobcentret", await page.TitleAsync());
            var pdf = RunningServer.ArtifactPath("udvalgsrapport.pdf");
            // The page's own @page rule sets A4 and margins, as when staff print from the browser.
            await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });

            var prefix = RunningServer.ArtifactPath("udvalgsrapport-side");
            var pdftoppm = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", pdf, prefix]) { RedirectStandardError = true })!;
            var error = await pdftoppm.StandardError.ReadToEndAsync();
            await pdftoppm.WaitForExitAsync();
            Assert.True(pdftoppm.ExitCode == 0, error);

            var pages = Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal).ToList();
            Assert.True(pages.Count >= 1, "the PDF has no pages");
            File.Copy(pages[0], Path.Combine(RepositoryRoot(), "docs", "screenshots", "report-page1.png"), overwrite: true);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }
}
