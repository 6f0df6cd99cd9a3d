using System.CommandLine;
using System.Globalization;
using Borgerpuls.Data;

namespace Borgerpuls.Cli;

/// <summary>The command-line verbs of the single Borgerpuls executable. No verb (or <c>serve</c>) runs the web app.</summary>
internal static class CommandLine
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = CliText.Get("Cli.Help.Db"),
        Recursive = true,
    };

    /// <summary>Read before parsing by <see cref="CliText.TryUse"/>; declared so that the parser accepts it on every verb.</summary>
    public static readonly Option<string> Culture = new("--culture")
    {
        Description = CliText.Get("Cli.Help.Culture"),
        HelpName = "da|en",
        Recursive = true,
        DefaultValueFactory = _ => "da",
    };

    private static readonly string[] NotServe = ["--help", "-h", "-?", "--version"];

    /// <summary>Serve unless a verb is given — before or after global options such as <c>--db VALUE</c> — or help is asked for.</summary>
    public static bool IsServe(string[] args) => Verb(args) is null or "serve" && !args.Any(NotServe.Contains);

    public static string[] WithoutServeVerb(string[] args) => Verb(args) == "serve" ? args.Where((_, i) => i != VerbIndex(args)).ToArray() : args;

    private static string? Verb(string[] args) => VerbIndex(args) is var i and >= 0 ? args[i] : null;

    // The first argument that is neither an option nor an option's value (`--db VALUE`; `--name=value` is one argument).
    private static int VerbIndex(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                return i;
            }
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                i++;
            }
        }
        return -1;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (!CliText.TryUse(args, out var refused))
        {
            await Console.Error.WriteLineAsync(CliText.Get("Cli.UnknownCulture", refused));
            return 2;
        }
        // The global options exist before the language is known; their help is worded now.
        Db.Description = CliText.Get("Cli.Help.Db");
        Culture.Description = CliText.Get("Cli.Help.Culture");
        var root = new RootCommand(CliText.Get("Cli.Help.Root"));
        root.Options.Add(Db);
        root.Options.Add(Culture);
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>()) help.Description = CliText.Get("Cli.Help.Help");
        foreach (var version in root.Options.OfType<VersionOption>()) version.Description = CliText.Get("Cli.Help.Version");
        root.Subcommands.Add(new Command("serve", CliText.Get("Cli.Help.Serve")));
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        root.Subcommands.Add(DemoDataCommand.Create());
        root.Subcommands.Add(DeviceCommands.Create());
        root.Subcommands.Add(ResultsCommands.Results());
        root.Subcommands.Add(ResultsCommands.PriorityMap());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AggregatesCommand.Create());
        root.Subcommands.Add(CampaignCommands.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(ServiceGoalCommands.Create());
        ParseErrorText.ParseInEnglish();
        var parsed = root.Parse(args);
        // A mistyped argument gets its one-line reason in the command line's language, not the verb's whole help above it.
        if (parsed.Errors.Count > 0)
        {
            var scope = parsed.CommandResult.Command;
            var names = scope.Subcommands.Select(c => c.Name)
                .Concat(scope.Options.Concat(root.Options.Where(o => o.Recursive)).Select(o => o.Name)).ToList();
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(ParseErrorText.Of(error.Message, names));
            }
            return 1;
        }
        if (parsed.Action is System.CommandLine.Help.HelpAction) return await HelpText.WriteAsync(parsed);
        // Labels the verbs read from the resources (group names, "I alt") follow the command line's language.
        CultureInfo.CurrentUICulture = CliText.Culture;
        return await parsed.InvokeAsync();
    }

    /// <summary>The database a verb works on, with its own context factory for the run.</summary>
    public static BorgerpulsDbFactory Databases(ParseResult result) => new(DatabaseSetup.Resolve(result.GetValue(Db) ?? DatabaseSetup.Configured()));

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
        catch (Features.Results.ResultsException e)
        {
            await Console.Error.WriteLineAsync(e.Text(CliText.Culture));
            return 2;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "k")
        {
            await Console.Error.WriteLineAsync(CliText.Get("Cli.KTooLow", Analysis.Suppression.MinimumK));
            return 2;
        }
        catch (SchemaCheckException e)
        {
            await Console.Error.WriteLineAsync(e.Text(CliText.Culture));
            return 3;
        }
        catch (Features.Configuration.ConfigException e)
        {
            await Console.Error.WriteLineAsync(CliText.Get("Cli.Config.Rejected"));
            foreach (var error in e.Errors) await Console.Error.WriteLineAsync($"  {error.Path}: {error.Text(CliText.Culture)}");
            return 2;
        }
    }
}

/// <summary>An error the user can fix; printed without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
