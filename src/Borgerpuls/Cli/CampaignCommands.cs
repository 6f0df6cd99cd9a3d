using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Retention;

namespace Borgerpuls.Cli;

internal static class CampaignCommands
{
    public static Command Create()
    {
        var key = new Argument<string>("key") { Description = CliText.Get("Cli.Help.CampaignKey") };
        var confirm = new Option<bool>("--yes") { Description = CliText.Get("Cli.Help.CampaignYes") };
        var delete = new Command("delete-data", CliText.Get("Cli.Help.CampaignDelete")) { key, confirm };
        delete.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            if (!result.GetValue(confirm))
            {
                throw new CliException(CliText.Get("Cli.Campaign.Confirm"));
            }
            var databases = CommandLine.Databases(result);
            await SchemaCheck.EnsureAsync(databases, ct);
            try
            {
                var deleted = await RetentionRun.DeleteCampaignDataAsync(databases, result.GetValue(key)!, "cli", ct);
                Console.WriteLine(CliText.Get("Cli.Campaign.Deleted", deleted, result.GetValue(key)));
            }
            catch (KeyNotFoundException)
            {
                throw new CliException(CliText.Get("Cli.Campaign.Unknown", result.GetValue(key)));
            }
            return 0;
        }));
        return new Command("campaign", CliText.Get("Cli.Help.Campaign")) { delete };
    }
}
