using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>The real server as its own process on a free loopback port with a fresh embedded database, and a headless
/// Debian Chromium driven by Playwright (its own browser download is never used).</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly Process _server;
    private readonly StreamWriter _log;
    private readonly string _dir;

    private RunningServer(Process server, StreamWriter log, string dir, string db, string url, IPlaywright playwright, IBrowser browser)
    {
        _server = server;
        _log = log;
        _dir = dir;
        Database = db;
        Url = url;
        Playwright = playwright;
        Browser = browser;
    }

    public string Database { get; }
    public string Url { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }

    public static string Exe => Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll");

    public const string AdminEmail = "admin@aabaek.dk";
    public const string AdminPassword = "korrekt-hest-batteri-haefteklamme";

    /// <param name="demoResponses">How many demo responses to generate first.</param>
    /// <param name="withAdmin">Bootstrap an administrator (<see cref="AdminEmail"/>) so that staff pages can be signed in to.</param>
    /// <param name="settings">Settings as environment variables (<c>Section__Key</c>), as an operator gives them.</param>
    public static async Task<RunningServer> StartAsync(int demoResponses = 0, bool withAdmin = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dir = Directory.CreateTempSubdirectory("borgerpuls-browser-").FullName;
        var db = Path.Combine(dir, "kiosk.db");
        await CliAsync("demo-data", "--responses", demoResponses.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Exe, "--db", db, "--urls", url, "--Retention:Enabled", "false" },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (withAdmin)
        {
            start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
            start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        }
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var server = Process.Start(start)!;
        // The server's own log beside the screenshots: when a test times out on a busy machine, it says what the server did.
        var log = new StreamWriter(ArtifactPath($"server-{port}.log")) { AutoFlush = true };
        server.OutputDataReceived += (_, e) => Write(log, e.Data);
        server.ErrorDataReceived += (_, e) => Write(log, e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient();
        // Up to two minutes: on a shared, busy machine the server's start-up alone has taken more than 30 s.
        for (var i = 0; i < 600; i++)
        {
            try { if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new RunningServer(server, log, dir, db, url, playwright, browser);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            // A line that arrives while the server is being stopped, after the log is closed, is dropped.
            try { log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"); } catch (ObjectDisposedException) { }
        }
    }

    public static async Task<string> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Exe);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Saves a screenshot as a test artifact (and, for the documentation, under docs/screenshots when asked).</summary>
    public static string ArtifactPath(string name)
    {
        var dir = Environment.GetEnvironmentVariable("BORGERPULS_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>The page's console errors and uncaught script errors from now on: a script refused by the content security
    /// policy shows up here.</summary>
    public static List<string> ConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Signs in as the bootstrap administrator and lands on <paramref name="path"/>, as the login page's return link does.</summary>
    public async Task SignInAsync(IPage page, string path)
    {
        await page.GotoAsync($"{Url}/login?returnUrl={Uri.EscapeDataString(path)}");
        await page.FillAsync("#email", AdminEmail);
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("form:has(#email) button[type=submit]");
        await page.WaitForURLAsync("**" + path + "**");
    }

    /// <summary>A screenshot for the documentation: written to docs/screenshots as well as to the artifacts.</summary>
    public static async Task DocumentationScreenshotAsync(IPage page, string name)
    {
        var artifact = ArtifactPath(name);
        await page.ScreenshotAsync(new() { Path = artifact });
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir);
        if (dir is not null)
        {
            Directory.CreateDirectory(Path.Combine(dir, "docs", "screenshots"));
            File.Copy(artifact, Path.Combine(dir, "docs", "screenshots", name), overwrite: true);
        }
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        lock (_log)
        {
            _log.Dispose();
        }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
