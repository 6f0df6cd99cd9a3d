using System.CommandLine;
using System.Globalization;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Localization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Cli;

internal static class DeviceCommands
{
    public static Command Create()
    {
        var device = new Command("device", CliText.Get("Cli.Help.Device"));

        var site = new Option<string>("--site") { Description = CliText.Get("Cli.Help.DeviceSite"), Required = true };
        var unit = new Option<string?>("--unit") { Description = CliText.Get("Cli.Help.DeviceUnit") };
        var instrument = new Option<string>("--instrument") { Description = CliText.Get("Cli.Help.DeviceInstrument"), Required = true };
        var name = new Option<string>("--name") { Description = CliText.Get("Cli.Help.DeviceName"), Required = true };
        var channel = new Option<Channel>("--channel")
        {
            Description = CliText.Get("Cli.Help.DeviceChannel"),
            DefaultValueFactory = _ => Channel.Kiosk,
            HelpName = "kiosk|tablet",
            CustomParser = r => r.Tokens.Count == 1 && r.Tokens[0].Value.Trim().ToLowerInvariant() is var v && v is "kiosk" or "tablet"
                ? v == "kiosk" ? Channel.Kiosk : Channel.Tablet
                : Refuse(r, CliText.Get("Cli.Device.Channel", r.Tokens.Count == 1 ? r.Tokens[0].Value : "")),
        };
        var add = new Command("add", CliText.Get("Cli.Help.DeviceAdd")) { site, unit, instrument, name, channel };
        add.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = await SchemaCheck.OpenAsync(CommandLine.Databases(result), ct);
            var request = new DeviceRegistration.Request(result.GetValue(name)!, result.GetValue(channel), result.GetValue(site)!, result.GetValue(instrument)!,
                result.GetValue(unit));
            var (done, problems) = await DeviceRegistration.AddAsync(db, request, "cli", DateTime.UtcNow, ct);
            if (problems.Count > 0)
            {
                throw new CliException(string.Join(Environment.NewLine, problems.Select(p => SharedTexts.Format(CliText.Culture, p.ResourceKey, p.Args))));
            }
            Console.WriteLine(CliText.Get("Cli.Device.Registered", done!.Device.Id, done.Device.Name, done.SiteName, request.Instrument));
            Console.WriteLine(CliText.Get("Cli.Device.KeyOnce"));
            Console.WriteLine(done.Key);
            return 0;
        }));

        var id = NumberOption.IntArgument("id", CliText.Get("Cli.Help.DeviceId"), CliText.Get("Cli.Device.Number"));
        var revoke = new Command("revoke", CliText.Get("Cli.Help.DeviceRevoke")) { id };
        revoke.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = await SchemaCheck.OpenAsync(CommandLine.Databases(result), ct);
            var deviceId = result.GetValue(id);
            var entity = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct) ?? throw new CliException(CliText.Get("Cli.Device.Unknown", deviceId));
            if (entity.RevokedAt is not null)
            {
                throw new CliException(CliText.Get("Cli.Device.AlreadyRevoked", deviceId, DeviceOverview.LocalTime(DateTime.SpecifyKind(entity.RevokedAt.Value, DateTimeKind.Utc), "", CliText.Culture)));
            }
            entity.RevokedAt = DateTime.UtcNow;
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "cli", Action = AuditActions.DeviceRevoke, Details = $"device {deviceId}" });
            await db.SaveChangesAsync(ct);
            Console.WriteLine(CliText.Get("Cli.Device.Revoked", deviceId, entity.Name));
            return 0;
        }));

        var rotate = new Command("rotate-key", CliText.Get("Cli.Help.DeviceRotate")) { id };
        rotate.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = await SchemaCheck.OpenAsync(CommandLine.Databases(result), ct);
            var (done, problem) = await DeviceRegistration.RotateKeyAsync(db, result.GetValue(id), "cli", DateTime.UtcNow, ct);
            if (problem is not null) throw new CliException(SharedTexts.Format(CliText.Culture, problem.ResourceKey, problem.Args));
            Console.WriteLine(CliText.Get("Cli.Device.Rotated", done!.Device.Id, done.Device.Name, done.SiteName));
            Console.WriteLine(CliText.Get("Cli.Device.NewKeyOnce"));
            Console.WriteLine(done.Key);
            return 0;
        }));

        var list = new Command("list", CliText.Get("Cli.Help.DeviceList"));
        list.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var ui = CliText.Culture;
            string T(string key) => SharedTexts.Get(key, ui);
            // As the web app reads it: appsettings.json in the working folder, then the environment (Devices__OpeningHours).
            var configuration = new ConfigurationBuilder().SetBasePath(Directory.GetCurrentDirectory()).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            await using var db = await SchemaCheck.OpenAsync(CommandLine.Databases(result), ct);
            var lines = await DeviceOverview.LoadAsync(db, OpeningHours.FromConfiguration(configuration), DateTimeOffset.UtcNow, null, ct);
            string Time(DateTimeOffset? at) => DeviceOverview.LocalTime(at, T("Devices.Never"), ui);
            string Count(int? n) => n?.ToString(ui) ?? "-";
            Console.WriteLine(string.Join('\t', "#", T("Tokens.Name"), T("Devices.State"), T("Devices.Channel"), T("Devices.Site"), T("Devices.Instrument"),
                T("Devices.LastContact"), T("Devices.DeliveredToday"), T("Devices.Queued"), T("Devices.OldestQueued"), T("Devices.Rejected"), T("Devices.LastError")));
            foreach (var d in lines)
            {
                var attention = d.State is DeviceState.Silent or DeviceState.Failing ? "!! " : "";
                Console.WriteLine(string.Join('\t', d.Id.ToString(ui), d.Name, attention + T(DeviceStates.ResourceKey(d.State)), d.Channel.ToString().ToLowerInvariant(), d.SiteKey, d.Instrument,
                    Time(d.LastContact), d.DeliveredToday.ToString(ui), Count(d.Queued), d.OldestQueued is null ? "-" : Time(d.OldestQueued), Count(d.Rejected),
                    d.LastError is null ? "-" : d.LastError.ReplaceLineEndings(" ").Replace('\t', ' ')));
            }
            return 0;
        }));

        device.Subcommands.Add(add);
        device.Subcommands.Add(revoke);
        device.Subcommands.Add(rotate);
        device.Subcommands.Add(list);
        return device;
    }

    private static Channel Refuse(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return Channel.Kiosk;
    }
}
