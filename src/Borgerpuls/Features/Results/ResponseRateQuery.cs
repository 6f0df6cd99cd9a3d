using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;

namespace Borgerpuls.Features.Results;

/// <summary>A group's response rate, and that of its invitations per referral source.</summary>
internal sealed record GroupRate(ResponseRate Total, IReadOnlyDictionary<string, ResponseRate> ByReferral);

/// <summary>Response rates per group of a results breakdown, for the channels whose denominator is known, read from the
/// denominator aggregates only (<see cref="DenominatorStore"/>):
/// tablets (answers + declined hand-overs), invitations (issued; answered = used) and paper (forms handed out; answered =
/// paper answers in the same group and month). The denominators carry the main cube's cell key, so filters, the viewer's
/// centres and the breakdown apply to them as to the figures. Kiosk, open web link and import have no denominator.</summary>
internal static class ResponseRateQuery
{
    private static readonly string Link = nameof(Channel.Link);
    private static readonly string Paper = nameof(Channel.Paper);

    public static async Task<Dictionary<string, GroupRate>> RunAsync(BorgerpulsDbFactory databases, int instrumentId, ResultsQuery.Sums sums, string language, CancellationToken ct)
    {
        var rates = new Dictionary<string, ResponseRate>(StringComparer.Ordinal);
        var referrals = new Dictionary<string, Dictionary<string, ResponseRate>>(StringComparer.Ordinal);
        if (sums.Selection is not { Cube: Cube.Main } selection)
        {
            return [];
        }
        var paperHandedOut = new Dictionary<(string Group, int Month), long>();
        foreach (var (key, counts) in await databases.Aggregates.Denominators.ReadAsync(instrumentId, selection.Covers, ct))
        {
            foreach (var (group, _) in selection.GroupsOf(key.Cell, language))
            {
                if (key.Channel == Link)
                {
                    var invited = new ResponseRate(counts.Offered, counts.Used);
                    rates[group] = rates.GetValueOrDefault(group) + invited;
                    if (!referrals.TryGetValue(group, out var byReferral)) referrals[group] = byReferral = new(StringComparer.Ordinal);
                    byReferral[key.Referral] = byReferral.GetValueOrDefault(key.Referral) + invited;
                }
                else if (key.Channel == Paper)
                {
                    paperHandedOut[(group, key.Month)] = paperHandedOut.GetValueOrDefault((group, key.Month)) + counts.Offered;
                }
                else
                {
                    rates[group] = rates.GetValueOrDefault(group) + new ResponseRate(counts.Declined, 0);
                }
            }
        }
        foreach (var (group, answered) in sums.TabletRespondents)
        {
            if (rates.ContainsKey(group) || answered > 0) rates[group] = rates.GetValueOrDefault(group) + new ResponseRate(answered, answered);
        }
        // Paper answers count only in the months for which the group's forms handed out were recorded: answers typed in
        // before anyone counted the forms have no denominator.
        foreach (var ((group, month), handedOut) in paperHandedOut)
        {
            rates[group] = rates.GetValueOrDefault(group) + new ResponseRate(handedOut, sums.PaperRespondents.GetValueOrDefault((group, month)));
        }
        return rates.ToDictionary(r => r.Key, r => new GroupRate(r.Value, referrals.TryGetValue(r.Key, out var byReferral) ? byReferral : new Dictionary<string, ResponseRate>()),
            StringComparer.Ordinal);
    }
}
