using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Cli;

internal static class DeviceCommands
{
    public static Command Create()
    {
        var device = new Command("device", "Register and revoke kiosks and tablets.");

        var site = new Option<string>("--site") { Description = "Key of the site where the device stands.", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Key of the unit (team), if the device belongs to one." };
        var instrument = new Option<string>("--instrument") { Description = "Key of the instrument the device asks (e.g. smiley).", Required = true };
        var name = new Option<string>("--name") { Description = "A name staff recognise, e.g. \"Udgang stueetage\".", Required = true };
        var channel = new Option<Channel>("--channel") { Description = "kiosk or tablet.", DefaultValueFactory = _ => Channel.Kiosk };
        var add = new Command("add", "Register a device and print its key (shown only this once).") { site, unit, instrument, name, channel };
        add.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = DatabaseSetup.Create(CommandLine.Target(result));
            await Migrator.MigrateAsync(db, ct);
            var kind = result.GetValue(channel);
            if (kind is not (Channel.Kiosk or Channel.Tablet))
            {
                throw new CliException("--channel must be kiosk or tablet.");
            }
            var siteKey = result.GetValue(site)!;
            var theSite = await db.Sites.SingleOrDefaultAsync(s => s.Key == siteKey, ct) ?? throw new CliException($"Unknown site '{siteKey}'.");
            int? unitId = null;
            if (result.GetValue(unit) is { } unitKey)
            {
                var theUnit = await db.Units.SingleOrDefaultAsync(u => u.Key == unitKey, ct) ?? throw new CliException($"Unknown unit '{unitKey}'.");
                if (theUnit.SiteId != theSite.Id)
                {
                    throw new CliException($"Unit '{unitKey}' does not belong to site '{siteKey}'.");
                }
                unitId = theUnit.Id;
            }
            var instrumentKey = result.GetValue(instrument)!;
            var theInstrument = await db.Instruments.SingleOrDefaultAsync(i => i.Key == instrumentKey, ct)
                ?? throw new CliException($"Unknown instrument '{instrumentKey}'.");
            var key = SecretKeys.New();
            var entity = new Device
            {
                Name = result.GetValue(name)!, Channel = kind, KeyHash = SecretKeys.Hash(key), SiteId = theSite.Id, UnitId = unitId,
                InstrumentId = theInstrument.Id, CreatedAt = DateTime.UtcNow,
            };
            db.Devices.Add(entity);
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "cli", Action = "device.add", Details = $"device {entity.Name} at {siteKey}" });
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Device {entity.Id} \"{entity.Name}\" registered at {theSite.Name} for {instrumentKey}.");
            Console.WriteLine("Device key (shown only now; store it in the device):");
            Console.WriteLine(key);
            return 0;
        }));

        var id = new Argument<int>("id") { Description = "The device's number, as printed by device add or device list." };
        var revoke = new Command("revoke", "Revoke a device's key; its submissions are refused from now on.") { id };
        revoke.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = DatabaseSetup.Create(CommandLine.Target(result));
            await Migrator.MigrateAsync(db, ct);
            var deviceId = result.GetValue(id);
            var entity = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct) ?? throw new CliException($"Unknown device {deviceId}.");
            if (entity.RevokedAt is not null)
            {
                throw new CliException($"Device {deviceId} was already revoked at {entity.RevokedAt:u}.");
            }
            entity.RevokedAt = DateTime.UtcNow;
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "cli", Action = "device.revoke", Details = $"device {deviceId}" });
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Device {deviceId} \"{entity.Name}\" revoked.");
            return 0;
        }));

        var list = new Command("list", "List registered devices.");
        list.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = DatabaseSetup.Create(CommandLine.Target(result));
            await Migrator.MigrateAsync(db, ct);
            foreach (var d in await db.Devices.AsNoTracking().Include(d => d.Site).Include(d => d.Instrument).OrderBy(d => d.Id).ToListAsync(ct))
            {
                Console.WriteLine($"{d.Id}\t{d.Name}\t{d.Channel}\t{d.Site!.Key}\t{d.Instrument!.Key}\t{(d.RevokedAt is null ? "active" : "revoked")}");
            }
            return 0;
        }));

        device.Subcommands.Add(add);
        device.Subcommands.Add(revoke);
        device.Subcommands.Add(list);
        return device;
    }
}
