using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Retention;

namespace Borgerpuls.Cli;

internal static class CampaignCommands
{
    public static Command Create()
    {
        var key = new Argument<string>("key") { Description = "The campaign's key." };
        var confirm = new Option<bool>("--yes") { Description = "Confirm: the responses and comments are deleted for good." };
        var delete = new Command("delete-data", "Delete every response and comment of a campaign (on request, e.g. from the DPO); audited.") { key, confirm };
        delete.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            if (!result.GetValue(confirm))
            {
                throw new CliException("Add --yes to confirm: the campaign's responses and comments are deleted for good.");
            }
            var target = CommandLine.Target(result);
            await SchemaCheck.EnsureAsync(target, ct);
            try
            {
                var deleted = await RetentionRun.DeleteCampaignDataAsync(target, result.GetValue(key)!, "cli", ct);
                Console.WriteLine($"Deleted {deleted:N0} responses of campaign {result.GetValue(key)} and rebuilt the aggregates.");
            }
            catch (KeyNotFoundException e)
            {
                throw new CliException(e.Message);
            }
            return 0;
        }));
        return new Command("campaign", "Campaign data.") { delete };
    }
}
