using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Alerts;

/// <summary>A rule's recipients as e-mail addresses: a staff user (<c>user:ID</c>) by the address on their account, read
/// when the alert is raised; an address as written.</summary>
public static class RecipientAddresses
{
    public const string UserPrefix = "user:";

    public static async Task<Dictionary<int, List<string>>> ResolveAsync(BorgerpulsDb db, IEnumerable<AlertRule> rules, ILogger logger, CancellationToken ct)
    {
        var list = rules.ToList();
        var userIds = list.SelectMany(r => r.Recipients).Where(r => r.StartsWith(UserPrefix, StringComparison.Ordinal)).Select(r => r[UserPrefix.Length..]).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var result = new Dictionary<int, List<string>>();
        foreach (var rule in list)
        {
            var addresses = new List<string>();
            foreach (var recipient in rule.Recipients)
            {
                if (!recipient.StartsWith(UserPrefix, StringComparison.Ordinal)) addresses.Add(recipient);
                else if (emails.GetValueOrDefault(recipient[UserPrefix.Length..]) is { Length: > 0 } email) addresses.Add(email);
                else logger.LogWarning("Alert rule {Rule}: recipient {Recipient} has no e-mail address; nothing is sent to them", rule.Id, recipient);
            }
            result[rule.Id] = addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        return result;
    }
}
