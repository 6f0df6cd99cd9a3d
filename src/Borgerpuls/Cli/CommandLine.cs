using System.CommandLine;
using Borgerpuls.Data;

namespace Borgerpuls.Cli;

/// <summary>The command-line verbs of the single Borgerpuls executable. No verb (or <c>serve</c>) runs the web app.</summary>
internal static class CommandLine
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "SQLite file path or PostgreSQL connection string (Host=…). Default: data/borgerpuls.db",
        Recursive = true,
    };

    private static readonly string[] NotServe = ["--help", "-h", "-?", "--version"];

    public static bool IsServe(string[] args) =>
        args.Length == 0 || args[0] == "serve" || (args[0].StartsWith('-') && !NotServe.Contains(args[0]));

    public static string[] WithoutServeVerb(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Borgerpuls – how citizens experience the job centre. Without a verb: serve the web app.");
        root.Options.Add(Db);
        root.Subcommands.Add(new Command("serve", "Serve the web app (the default)."));
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        root.Subcommands.Add(DemoDataCommand.Create());
        root.Subcommands.Add(DeviceCommands.Create());
        root.Subcommands.Add(ResultsCommands.Results());
        root.Subcommands.Add(ResultsCommands.PriorityMap());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AggregatesCommand.Create());
        root.Subcommands.Add(CampaignCommands.Create());
        root.Subcommands.Add(ImportCommand.Create());
        return root.Parse(args).InvokeAsync();
    }

    public static DatabaseSetup.Target Target(ParseResult result) => DatabaseSetup.Resolve(result.GetValue(Db));

    /// <summary>Runs a verb's body with the errors users can cause turned into a message and a non-zero exit code.</summary>
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (Features.Configuration.ConfigException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}

/// <summary>An error the user can fix; printed without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
