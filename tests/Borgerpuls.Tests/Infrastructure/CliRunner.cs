using System.Diagnostics;

namespace Borgerpuls.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real Borgerpuls executable as a separate process, as a user or a script would.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunInAsync(null, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync"/>, started in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static async Task<CliResult> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
