using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Configuration;

/// <summary>Writes the current configuration in the format <see cref="ConfigApplier"/> reads; instruments as their newest version.</summary>
public static class ConfigExporter
{
    public static async Task<ConfigDocument> ExportAsync(BorgerpulsDb db, CancellationToken ct = default)
    {
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Key).ToListAsync(ct);
        var centres = await db.JobCentres.AsNoTracking().OrderBy(j => j.Key).ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Key).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Key).ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().OrderBy(o => o.Key).ToListAsync(ct);
        var groups = await db.TargetGroups.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Key).ToListAsync(ct);
        var sets = await db.TargetGroupSets.AsNoTracking().Include(s => s.Members).OrderBy(s => s.Key).ToListAsync(ct);
        var variables = await db.BackgroundVariables.AsNoTracking().OrderBy(v => v.Key).ToListAsync(ct);
        var scales = await db.Scales.AsNoTracking().Include(s => s.Options).OrderBy(s => s.Key).ToListAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Questions).OrderBy(i => i.Key).ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Key).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().OrderBy(t => t.Key).ToListAsync(ct);
        var goals = await db.ServiceGoals.AsNoTracking().OrderBy(g => g.Key).ToListAsync(ct);

        var instrumentKeys = instruments.ToDictionary(i => i.Id, i => i.Key);
        var scaleKeys = scales.ToDictionary(s => s.Id, s => s.Key);
        var centreKeys = centres.ToDictionary(c => c.Id, c => c.Key);
        var siteKeys = sites.ToDictionary(s => s.Id, s => s.Key);
        var unitKeys = units.ToDictionary(u => u.Id, u => u.Key);
        var groupKeys = groups.ToDictionary(g => g.Id, g => g.Key);
        var setKeys = sets.ToDictionary(s => s.Id, s => s.Key);

        return new ConfigDocument
        {
            Municipalities = municipalities.Select(m => new MunicipalityConfig(m.Key, m.Name)
            {
                Benchmark = m.Benchmark,
                JobCentres = centres.Where(j => j.MunicipalityId == m.Id).Select(j => new JobCentreConfig(j.Key, j.Name)
                {
                    Sites = sites.Where(s => s.JobCentreId == j.Id).Select(s => new SiteConfig(s.Key, s.Name)
                    {
                        KioskRepeatWindowSeconds = s.KioskRepeatWindowSeconds,
                        Units = units.Where(u => u.SiteId == s.Id).Select(u => new UnitConfig(u.Key, u.Name)).ToList(),
                    }).ToList(),
                }).ToList(),
                Offers = offers.Where(o => o.MunicipalityId == m.Id).Select(o => new OfferConfig(o.Key, o.Name, o.Provider)).ToList(),
            }).ToList(),
            TargetGroups = groups.Select(g => new TargetGroupConfig(g.Key, Texts(g.Names))).ToList(),
            TargetGroupSets = sets.Select(s => new TargetGroupSetConfig(s.Key, Texts(s.Names),
                s.Members.OrderBy(m => m.Position).ThenBy(m => m.Key).Select(m => m.Key).ToList())).ToList(),
            BackgroundVariables = variables.Select(v => new BackgroundVariableConfig(v.Key, Texts(v.Names),
                v.Options.Select(o => new BackgroundOptionConfig(o.Code, Texts(o.Labels))).ToList())).ToList(),
            Scales = scales.Select(s => new ScaleConfig(s.Key, Texts(s.Names),
                s.Options.OrderBy(o => o.Position).Select(o => new ScaleOptionConfig(o.Code, Texts(o.Labels), o.Polarity, o.Value)).ToList())).ToList(),
            Instruments = instruments.Where(i => i.Versions.Count > 0).Select(i =>
            {
                var latest = i.Versions.MaxBy(v => v.Number)!;
                return new InstrumentConfig(i.Key, Texts(i.Names), latest.Questions.OrderBy(q => q.Position).Select(q =>
                    new QuestionConfig(q.Key, q.Type, Texts(q.Texts))
                    {
                        Scale = q.ScaleId is { } sid ? scaleKeys[sid] : null,
                        Theme = q.Theme, Touchpoint = q.Touchpoint, Overall = q.IsOverall, Required = q.Required, ShowAfter = q.ShowAfterKey,
                    }).ToList())
                {
                    Kind = i.Kind,
                    Extends = i.ExtendsId is { } e ? instrumentKeys[e] : null,
                    MirrorOf = i.MirrorOfId is { } mo ? instrumentKeys[mo] : null,
                };
            }).ToList(),
            Campaigns = campaigns.Select(c => new CampaignConfig(c.Key, c.Name, instrumentKeys[c.InstrumentId], c.Channel, c.StartsOn)
            {
                JobCentre = c.JobCentreId is { } j ? centreKeys[j] : null,
                Site = c.SiteId is { } s ? siteKeys[s] : null,
                Unit = c.UnitId is { } u ? unitKeys[u] : null,
                EndsOn = c.EndsOn, Status = c.Status, TargetGroups = [.. c.TargetGroupKeys],
            }).ToList(),
            Targets = targets.Select(t => new TargetConfig(t.Key, t.Name, instrumentKeys[t.InstrumentId], t.Metric, t.Direction, t.Threshold)
            {
                Aggregation = t.Aggregation, Question = t.QuestionKey,
                TargetGroupSet = t.TargetGroupSetId is { } s ? setKeys[s] : null,
                TargetGroup = t.TargetGroupId is { } g ? groupKeys[g] : null,
                JobCentre = t.JobCentreId is { } j ? centreKeys[j] : null,
                Year = t.Year,
            }).ToList(),
            ServiceGoals = goals.Select(g => new ServiceGoalConfig(g.Key, Texts(g.Names), g.WithinHours, g.TargetShare)
            {
                Descriptions = Texts(g.Descriptions), Published = g.Published, Kind = g.Kind,
            }).ToList(),
        };
    }

    // Danish first, then the other languages alphabetically: stable output for version control.
    private static Dictionary<string, string> Texts(LocalizedText text) =>
        text.OrderBy(kv => kv.Key == LocalizedText.Danish ? "" : kv.Key, StringComparer.Ordinal).ToDictionary();
}
