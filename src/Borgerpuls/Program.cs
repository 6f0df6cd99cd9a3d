using Borgerpuls;
using Borgerpuls.Cli;

if (CommandLine.IsServe(args))
{
    var app = await WebApp.BuildAsync(CommandLine.WithoutServeVerb(args));
    await app.RunAsync();
    return 0;
}
return await CommandLine.RunAsync(args);

/// <summary>Public so the integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
