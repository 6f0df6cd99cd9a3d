using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Configuration;

/// <summary>Checks a whole document against itself and the database before anything is written, and reports every problem.</summary>
internal static partial class ConfigValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex KeyPattern();

    public static async Task<List<ConfigError>> ValidateAsync(ConfigDocument doc, BorgerpulsDb db, CancellationToken ct)
    {
        var errors = new List<ConfigError>();
        void Error(string path, string key, params object?[] args) => errors.Add(new ConfigError(path, key, args));

        void Key(string path, string? key)
        {
            if (key is null || !KeyPattern().IsMatch(key))
            {
                Error(path + ".key", "Config.Error.InvalidKey", key);
            }
        }
        void Names(string path, IReadOnlyDictionary<string, string>? names)
        {
            if (names is null || !names.TryGetValue("da", out var da) || string.IsNullOrWhiteSpace(da))
            {
                Error(path, "Config.Error.DanishRequired");
            }
        }
        void Unique<T>(string path, IEnumerable<T> items, Func<T, string> key)
        {
            foreach (var dup in items.GroupBy(key).Where(g => g.Count() > 1))
            {
                Error(path, "Config.Error.DuplicateKey", dup.Key);
            }
        }

        if (ConfigTexts.Check(doc, "$", (path, message) => errors.Add(new ConfigError(path, message)))) return errors;

        var targetGroups = (await db.TargetGroups.Select(t => t.Key).ToListAsync(ct)).Concat(doc.TargetGroups.Select(t => t.Key)).ToHashSet();
        var sets = (await db.TargetGroupSets.Select(t => t.Key).ToListAsync(ct)).Concat(doc.TargetGroupSets.Select(t => t.Key)).ToHashSet();
        var scales = (await db.Scales.Select(s => s.Key).ToListAsync(ct)).Concat(doc.Scales.Select(s => s.Key)).ToHashSet();
        var instruments = (await db.Instruments.Select(i => i.Key).ToListAsync(ct)).Concat(doc.Instruments.Select(i => i.Key)).ToHashSet();
        var jobCentres = (await db.JobCentres.Select(j => j.Key).ToListAsync(ct)).Concat(doc.Municipalities.SelectMany(m => m.JobCentres).Select(j => j.Key)).ToHashSet();
        var docSites = doc.Municipalities.SelectMany(m => m.JobCentres).SelectMany(j => j.Sites).ToList();
        var sitesAll = (await db.Sites.Select(s => s.Key).ToListAsync(ct)).Concat(docSites.Select(s => s.Key)).ToHashSet();
        var unitsAll = (await db.Units.Select(u => u.Key).ToListAsync(ct)).Concat(docSites.SelectMany(s => s.Units).Select(u => u.Key)).ToHashSet();

        // Campaigns, targets, imports and devices name a job centre, site or unit by its key alone, so a key names one place in
        // the whole deployment: it cannot appear under a second municipality (a document that tried it left two job centres
        // of one key, and the next lookup by key failed).
        var municipalityKeys = await db.Municipalities.ToDictionaryAsync(m => m.Id, m => m.Key, ct);
        var owners = (await db.JobCentres.Select(j => new { Kind = "job centre", j.Key, j.MunicipalityId }).ToListAsync(ct))
            .Concat(await db.Sites.Select(x => new { Kind = "site", x.Key, x.MunicipalityId }).ToListAsync(ct))
            .Concat(await db.Units.Select(u => new { Kind = "unit", u.Key, u.MunicipalityId }).ToListAsync(ct))
            .ToLookup(o => (o.Kind, o.Key), o => municipalityKeys[o.MunicipalityId]);
        void OneMunicipality(string path, string kind, string key, string municipality)
        {
            if (owners[(kind, key)].FirstOrDefault(owner => owner != municipality) is { } other)
            {
                Error(path + ".key", kind switch
                {
                    "job centre" => "Config.Error.JobCentreElsewhere",
                    "site" => "Config.Error.SiteElsewhere",
                    _ => "Config.Error.UnitElsewhere",
                }, key, other);
            }
        }
        var docCentres = doc.Municipalities.SelectMany(m => m.JobCentres).ToList();
        Unique("$.municipalities[*].jobCentres", docCentres, j => j.Key);
        Unique("$.municipalities[*] sites", docCentres.SelectMany(j => j.Sites), x => x.Key);
        Unique("$.municipalities[*] units", docCentres.SelectMany(j => j.Sites).SelectMany(x => x.Units), u => u.Key);

        Unique("$.municipalities", doc.Municipalities, m => m.Key);
        for (var i = 0; i < doc.Municipalities.Count; i++)
        {
            var m = doc.Municipalities[i];
            var p = $"$.municipalities[{i}]";
            Key(p, m.Key);
            Unique(p + ".offers", m.Offers, o => o.Key);
            for (var j = 0; j < m.JobCentres.Count; j++)
            {
                var jc = m.JobCentres[j];
                Key($"{p}.jobCentres[{j}]", jc.Key);
                OneMunicipality($"{p}.jobCentres[{j}]", "job centre", jc.Key, m.Key);
                for (var s = 0; s < jc.Sites.Count; s++)
                {
                    var site = jc.Sites[s];
                    var sp = $"{p}.jobCentres[{j}].sites[{s}]";
                    Key(sp, site.Key);
                    OneMunicipality(sp, "site", site.Key, m.Key);
                    if (site.KioskRepeatWindowSeconds is < 0 or > 3600)
                    {
                        Error(sp + ".kioskRepeatWindowSeconds", "Config.Error.KioskRepeatWindow", 0, 3600);
                    }
                    for (var u = 0; u < site.Units.Count; u++)
                    {
                        Key($"{sp}.units[{u}]", site.Units[u].Key);
                        OneMunicipality($"{sp}.units[{u}]", "unit", site.Units[u].Key, m.Key);
                    }
                }
            }
            for (var o = 0; o < m.Offers.Count; o++)
            {
                Key($"{p}.offers[{o}]", m.Offers[o].Key);
            }
        }

        Unique("$.targetGroups", doc.TargetGroups, t => t.Key);
        for (var i = 0; i < doc.TargetGroups.Count; i++)
        {
            Key($"$.targetGroups[{i}]", doc.TargetGroups[i].Key);
            Names($"$.targetGroups[{i}].names", doc.TargetGroups[i].Names);
        }
        Unique("$.targetGroupSets", doc.TargetGroupSets, t => t.Key);
        for (var i = 0; i < doc.TargetGroupSets.Count; i++)
        {
            var set = doc.TargetGroupSets[i];
            Key($"$.targetGroupSets[{i}]", set.Key);
            Names($"$.targetGroupSets[{i}].names", set.Names);
            foreach (var member in set.Members.Where(mb => !targetGroups.Contains(mb)))
            {
                Error($"$.targetGroupSets[{i}].members", "Config.Error.UnknownTargetGroup", member);
            }
        }
        Unique("$.backgroundVariables", doc.BackgroundVariables, t => t.Key);
        for (var i = 0; i < doc.BackgroundVariables.Count; i++)
        {
            Key($"$.backgroundVariables[{i}]", doc.BackgroundVariables[i].Key);
            Names($"$.backgroundVariables[{i}].names", doc.BackgroundVariables[i].Names);
            Unique($"$.backgroundVariables[{i}].options", doc.BackgroundVariables[i].Options, o => o.Code);
        }

        Unique("$.scales", doc.Scales, s => s.Key);
        for (var i = 0; i < doc.Scales.Count; i++)
        {
            var scale = doc.Scales[i];
            var p = $"$.scales[{i}]";
            Key(p, scale.Key);
            Names(p + ".names", scale.Names);
            Unique(p + ".options", scale.Options, o => o.Code);
            if (scale.Options.Count == 0)
            {
                Error(p + ".options", "Config.Error.ScaleWithoutOptions");
            }
            for (var o = 0; o < scale.Options.Count; o++)
            {
                var option = scale.Options[o];
                Key($"{p}.options[{o}]", option.Code);
                Names($"{p}.options[{o}].labels", option.Labels);
                if (option.Polarity is Polarity.Positive or Polarity.Neutral or Polarity.Negative && option.Value is null)
                {
                    Error($"{p}.options[{o}].value", "Config.Error.OptionValue");
                }
            }
        }

        Unique("$.instruments", doc.Instruments, s => s.Key);
        for (var i = 0; i < doc.Instruments.Count; i++)
        {
            var instrument = doc.Instruments[i];
            var p = $"$.instruments[{i}]";
            Key(p, instrument.Key);
            Names(p + ".names", instrument.Names);
            if (instrument.Extends is { } ext && (!instruments.Contains(ext) || ext == instrument.Key))
            {
                Error(p + ".extends", "Config.Error.UnknownCoreInstrument", ext);
            }
            if (instrument.MirrorOf is { } mirror && (!instruments.Contains(mirror) || mirror == instrument.Key))
            {
                Error(p + ".mirrorOf", "Config.Error.UnknownInstrument", mirror);
            }
            if (instrument.Kind == InstrumentKind.Mirror && instrument.MirrorOf is null)
            {
                Error(p + ".mirrorOf", "Config.Error.MirrorOfRequired");
            }
            Unique(p + ".questions", instrument.Questions, q => q.Key);
            if (instrument.Questions.Count(q => q.Overall) > 1)
            {
                Error(p + ".questions", "Config.Error.OneOverall");
            }
            var seen = new HashSet<string>();
            for (var q = 0; q < instrument.Questions.Count; q++)
            {
                var question = instrument.Questions[q];
                var qp = $"{p}.questions[{q}]";
                Key(qp, question.Key);
                Names(qp + ".texts", question.Texts);
                var needsScale = question.Type is QuestionType.Scale or QuestionType.SingleChoice or QuestionType.MultipleChoice;
                if (needsScale && question.Scale is null)
                {
                    Error(qp + ".scale", "Config.Error.ScaleRequired", JsonNamingPolicy.CamelCase.ConvertName(question.Type.ToString()));
                }
                if (question.Scale is { } s && !scales.Contains(s))
                {
                    Error(qp + ".scale", "Config.Error.UnknownScale", s);
                }
                if (question.Type == QuestionType.FreeText && question.Scale is not null)
                {
                    Error(qp + ".scale", "Config.Error.FreeTextScale");
                }
                if (question.Overall && question.Type != QuestionType.Scale)
                {
                    Error(qp + ".overall", "Config.Error.OverallScale");
                }
                if (question.ShowAfter is { } after && !seen.Contains(after))
                {
                    Error(qp + ".showAfter", "Config.Error.ShowAfter", after);
                }
                seen.Add(question.Key);
            }
        }

        Unique("$.campaigns", doc.Campaigns, c => c.Key);
        for (var i = 0; i < doc.Campaigns.Count; i++)
        {
            var c = doc.Campaigns[i];
            var p = $"$.campaigns[{i}]";
            Key(p, c.Key);
            if (!instruments.Contains(c.Instrument)) Error(p + ".instrument", "Config.Error.UnknownInstrument", c.Instrument);
            if (c.JobCentre is { } jc && !jobCentres.Contains(jc)) Error(p + ".jobCentre", "Config.Error.UnknownJobCentre", jc);
            if (c.Site is { } site && !sitesAll.Contains(site)) Error(p + ".site", "Config.Error.UnknownSite", site);
            if (c.Unit is { } unit && !unitsAll.Contains(unit)) Error(p + ".unit", "Config.Error.UnknownUnit", unit);
            if (c.EndsOn is { } end && end < c.StartsOn) Error(p + ".endsOn", "Config.Error.EndsBeforeStart");
            foreach (var tg in c.TargetGroups.Where(t => !targetGroups.Contains(t)))
            {
                Error(p + ".targetGroups", "Config.Error.UnknownTargetGroup", tg);
            }
        }

        Unique("$.targets", doc.Targets, t => t.Key);
        for (var i = 0; i < doc.Targets.Count; i++)
        {
            var t = doc.Targets[i];
            var p = $"$.targets[{i}]";
            Key(p, t.Key);
            if (!instruments.Contains(t.Instrument)) Error(p + ".instrument", "Config.Error.UnknownInstrument", t.Instrument);
            if (t.TargetGroupSet is { } set && !sets.Contains(set)) Error(p + ".targetGroupSet", "Config.Error.UnknownTargetGroupSet", set);
            if (t.TargetGroup is { } tg && !targetGroups.Contains(tg)) Error(p + ".targetGroup", "Config.Error.UnknownTargetGroup", tg);
            if (t.TargetGroup is not null && t.TargetGroupSet is not null) Error(p, "Config.Error.GroupOrSet");
            if (t.JobCentre is { } jc && !jobCentres.Contains(jc)) Error(p + ".jobCentre", "Config.Error.UnknownJobCentre", jc);
            if (t.Aggregation == TargetAggregation.Question && t.Question is null) Error(p + ".question", "Config.Error.TargetQuestion");
            if (t.Metric != TargetMetric.Mean && t.Threshold is < 0 or > 1) Error(p + ".threshold", "Config.Error.Threshold");
        }

        Unique("$.serviceGoals", doc.ServiceGoals, g => g.Key);
        for (var i = 0; i < doc.ServiceGoals.Count; i++)
        {
            var g = doc.ServiceGoals[i];
            Key($"$.serviceGoals[{i}]", g.Key);
            Names($"$.serviceGoals[{i}].names", g.Names);
            if (g.WithinHours <= 0) Error($"$.serviceGoals[{i}].withinHours", "Config.Error.WithinHours");
            if (g.TargetShare is < 0 or > 1) Error($"$.serviceGoals[{i}].targetShare", "Config.Error.Share");
            if (string.IsNullOrWhiteSpace(g.Kind) || g.Kind.Length > ServiceEvent.MaxKind) Error($"$.serviceGoals[{i}].kind", "Config.Error.ServiceGoalKind", ServiceEvent.MaxKind);
        }
        return errors;
    }
}
