using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Results;

/// <summary>Response rates per group of a results breakdown, for the channels whose denominator is known: tablets (answers +
/// declined hand-overs) and invitations (issued; answered = used). The denominators are placed in the same groups as the
/// figures by giving them the cell key their answers would have, so filters, the viewer's centres and the breakdown apply
/// alike. Invitations count in the month of the meeting. Kiosk, web, paper and import have no denominator here.</summary>
internal static class ResponseRateQuery
{
    public static async Task<Dictionary<string, ResponseRate>> RunAsync(BorgerpulsDb db, int instrumentId, ResultsQuery.Sums sums, string language, CancellationToken ct)
    {
        var rates = new Dictionary<string, ResponseRate>(StringComparer.Ordinal);
        if (sums.Selection is not { Cube: Cube.Main } selection)
        {
            return rates;
        }
        void Add(CellKey key, ResponseRate rate)
        {
            if (!selection.Covers(key)) return;
            foreach (var (group, _) in selection.GroupsOf(key, language))
            {
                rates[group] = rates.GetValueOrDefault(group) + rate;
            }
        }
        CellKey Key(int month, int centre, int? site, int? unit, int? group, Channel channel) =>
            new(Cube.Main, instrumentId, month, centre, site ?? 0, unit ?? 0, 0, group ?? 0, channel.ToString(), "", "", false);

        var declined = await db.DeclinedHandOvers.AsNoTracking().Where(d => d.InstrumentId == instrumentId)
            .GroupBy(d => new { d.Hour, d.JobCentreId, d.SiteId, d.UnitId, d.TargetGroupId, d.Channel })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var d in declined)
        {
            Add(Key(CellKey.MonthOf(d.Key.Hour), d.Key.JobCentreId, d.Key.SiteId, d.Key.UnitId, d.Key.TargetGroupId, d.Key.Channel), new ResponseRate(d.Count, 0));
        }
        foreach (var (group, answered) in sums.TabletRespondents)
        {
            if (rates.ContainsKey(group) || answered > 0) rates[group] = rates.GetValueOrDefault(group) + new ResponseRate(answered, answered);
        }

        var invitations = await db.Invitations.AsNoTracking().Where(i => i.InstrumentId == instrumentId)
            .GroupBy(i => new { i.MeetingDate, i.JobCentreId, i.SiteId, i.UnitId, i.TargetGroupId })
            .Select(g => new { g.Key, Issued = g.Count(), Used = g.Count(i => i.Used) }).ToListAsync(ct);
        foreach (var i in invitations)
        {
            Add(Key(i.Key.MeetingDate.Year * 100 + i.Key.MeetingDate.Month, i.Key.JobCentreId, i.Key.SiteId, i.Key.UnitId, i.Key.TargetGroupId, Channel.Link), new ResponseRate(i.Issued, i.Used));
        }
        return rates;
    }
}
