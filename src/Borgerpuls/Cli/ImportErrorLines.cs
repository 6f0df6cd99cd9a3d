using Borgerpuls.Features.Import;

namespace Borgerpuls.Cli;

/// <summary>A rejected file's problems, one line each with its place, as both import verbs print them.</summary>
internal static class ImportErrorLines
{
    public static async Task WriteAsync(ImportRejectedException rejected, TextWriter output)
    {
        foreach (var error in rejected.Errors)
        {
            var text = error.Text(CliText.Culture);
            await output.WriteLineAsync(error.Column is null ? CliText.Get("Cli.Import.Line", error.Line, text) : CliText.Get("Cli.Import.LineColumn", error.Line, error.Column, text));
        }
        if (rejected.Total > rejected.Errors.Count)
        {
            await output.WriteLineAsync(CliText.Get("Cli.Import.More", rejected.Total - rejected.Errors.Count));
        }
    }
}
