using System.Diagnostics;

namespace Borgerpuls.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real Borgerpuls executable as a separate process, as a user or a script would.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
