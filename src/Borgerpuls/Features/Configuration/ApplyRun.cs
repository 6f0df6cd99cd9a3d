using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Configuration;

/// <summary>The steps of one <see cref="ConfigApplier"/> run, in dependency order. Errors that need the database's state
/// (a changed scale that published versions use) are collected and abort the whole transaction.</summary>
internal sealed class ApplyRun(BorgerpulsDb db, ApplyMode mode, List<Wording> changes)
{
    // A change is said later, in the reader's language: "jobcenteret jc-nord: oprettet" / "job centre jc-nord: created".
    private static Wording Thing(string kind, object key) => Wording.Of("Config.Thing." + kind, key);

    private static Wording Change(string kind, Wording what, params object?[] args) => Wording.Of("Config.Change." + kind, [what, .. args]);

    public List<ConfigError> Errors { get; } = [];

    private bool Skip(bool exists) => exists && mode == ApplyMode.OnlyMissing;

    public async Task TaxonomyAsync(ConfigDocument doc, CancellationToken ct)
    {
        var groups = await db.TargetGroups.ToDictionaryAsync(t => t.Key, ct);
        var position = groups.Count;
        foreach (var tg in doc.TargetGroups)
        {
            if (Skip(groups.ContainsKey(tg.Key)))
            {
                AddTranslations(groups[tg.Key].Names, tg.Names, n => groups[tg.Key].Names = n, Thing("TargetGroup", tg.Key));
                continue;
            }
            if (!groups.TryGetValue(tg.Key, out var entity))
            {
                entity = new TargetGroup { Key = tg.Key, Position = position++ };
                db.TargetGroups.Add(entity);
                groups[tg.Key] = entity;
                changes.Add(Change("Created", Thing("TargetGroup", tg.Key)));
            }
            else if (!Same(entity.Names, tg.Names))
            {
                changes.Add(Change("NamesUpdated", Thing("TargetGroup", tg.Key)));
            }
            entity.Names = new LocalizedText(tg.Names);
        }
        await db.SaveChangesAsync(ct);

        var sets = await db.TargetGroupSets.Include(s => s.Members).ToDictionaryAsync(s => s.Key, ct);
        foreach (var set in doc.TargetGroupSets)
        {
            if (Skip(sets.ContainsKey(set.Key)))
            {
                AddTranslations(sets[set.Key].Names, set.Names, n => sets[set.Key].Names = n, Thing("TargetGroupSet", set.Key));
                continue;
            }
            if (!sets.TryGetValue(set.Key, out var entity))
            {
                entity = new TargetGroupSet { Key = set.Key };
                db.TargetGroupSets.Add(entity);
                changes.Add(Change("Created", Thing("TargetGroupSet", set.Key)));
            }
            else if (!Same(entity.Names, set.Names) || !entity.Members.Select(m => m.Key).Order().SequenceEqual(set.Members.Order()))
            {
                changes.Add(Change("Updated", Thing("TargetGroupSet", set.Key)));
            }
            entity.Names = new LocalizedText(set.Names);
            entity.Members = set.Members.Select(k => groups[k]).ToList();
        }

        var variables = await db.BackgroundVariables.ToDictionaryAsync(v => v.Key, ct);
        foreach (var variable in doc.BackgroundVariables)
        {
            if (Skip(variables.ContainsKey(variable.Key))) continue;
            if (!variables.TryGetValue(variable.Key, out var entity))
            {
                entity = new BackgroundVariable { Key = variable.Key };
                db.BackgroundVariables.Add(entity);
                changes.Add(Change("Created", Thing("BackgroundVariable", variable.Key)));
            }
            entity.Names = new LocalizedText(variable.Names);
            entity.Options = variable.Options.Select(o => new BackgroundOption(o.Code, new LocalizedText(o.Labels))).ToList();
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task ScalesAsync(ConfigDocument doc, CancellationToken ct)
    {
        var scales = await db.Scales.Include(s => s.Options).ToDictionaryAsync(s => s.Key, ct);
        foreach (var scale in doc.Scales)
        {
            if (Skip(scales.ContainsKey(scale.Key)))
            {
                AddScaleTranslations(scales[scale.Key], scale);
                continue;
            }
            if (!scales.TryGetValue(scale.Key, out var entity))
            {
                entity = new Scale { Key = scale.Key };
                db.Scales.Add(entity);
                changes.Add(Change("Created", Thing("Scale", scale.Key)));
            }
            else if (!SameOptions(entity, scale))
            {
                var used = await db.Questions.AnyAsync(q => q.ScaleId == entity.Id, ct);
                if (used)
                {
                    Errors.Add(new ConfigError($"$.scales[{doc.Scales.IndexOf(scale)}]", "Config.Error.ScaleInUse", scale.Key));
                    continue;
                }
                changes.Add(Change("OptionsUpdated", Thing("Scale", scale.Key)));
            }
            entity.Names = new LocalizedText(scale.Names);
            if (!SameOptions(entity, scale))
            {
                entity.Options.Clear();
                entity.Options.AddRange(scale.Options.Select((o, i) => new ScaleOption
                {
                    Code = o.Code, Position = i, Labels = new LocalizedText(o.Labels), Value = o.Value, Polarity = o.Polarity,
                }));
            }
            else
            {
                foreach (var (option, config) in entity.Options.OrderBy(o => o.Position).Zip(scale.Options))
                {
                    option.Labels = new LocalizedText(config.Labels);
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task InstrumentsAsync(ConfigDocument doc, CancellationToken ct)
    {
        var scales = await db.Scales.ToDictionaryAsync(s => s.Key, s => s.Id, ct);
        var instruments = await db.Instruments.Include(i => i.Versions).ThenInclude(v => v.Questions).ToDictionaryAsync(i => i.Key, ct);
        // Cores before the instruments that extend them, so a local version can pin the core's newest version.
        foreach (var config in InstrumentOrder(doc.Instruments))
        {
            if (Skip(instruments.ContainsKey(config.Key)))
            {
                AddInstrumentTranslations(instruments[config.Key], config, scales);
                await db.SaveChangesAsync(ct);
                continue;
            }
            if (!instruments.TryGetValue(config.Key, out var entity))
            {
                entity = new Instrument { Key = config.Key };
                db.Instruments.Add(entity);
                instruments[config.Key] = entity;
                changes.Add(Change("Created", Thing("Instrument", config.Key)));
            }
            entity.Names = new LocalizedText(config.Names);
            entity.Kind = config.Kind;
            entity.IsPreset = mode == ApplyMode.OnlyMissing || entity.IsPreset;
            entity.Extends = config.Extends is null ? null : instruments[config.Extends];
            entity.MirrorOf = config.MirrorOf is null ? null : instruments[config.MirrorOf];
            await db.SaveChangesAsync(ct);

            var extendsVersion = entity.Extends?.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
            var hash = InstrumentHash.Of(config, extendsVersion?.Id);
            var latest = entity.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
            if (latest?.ContentHash == hash)
            {
                continue;
            }
            if (latest is not null && latest.ExtendsVersionId == extendsVersion?.Id && Translations.AsksTheSame(latest, config, scales))
            {
                // Only other languages differ: the published version still asks the same, so its figures stay one series.
                foreach (var (question, text) in latest.Questions.OrderBy(q => q.Position).Zip(config.Questions))
                {
                    question.Texts = new LocalizedText(text.Texts);
                }
                latest.ContentHash = hash;
                await db.SaveChangesAsync(ct);
                changes.Add(Change("VersionTranslationsUpdated", Thing("Instrument", config.Key), latest.Number));
                continue;
            }
            var version = new InstrumentVersion
            {
                Number = (latest?.Number ?? 0) + 1,
                PublishedAt = DateTime.UtcNow,
                ContentHash = hash,
                ExtendsVersionId = extendsVersion?.Id,
                Questions = config.Questions.Select((q, i) => new Question
                {
                    Key = q.Key, Position = i, Type = q.Type, Texts = new LocalizedText(q.Texts),
                    ScaleId = q.Scale is null ? null : scales[q.Scale], Theme = q.Theme, Touchpoint = q.Touchpoint,
                    IsOverall = q.Overall, Required = q.Required, ShowAfterKey = q.ShowAfter,
                }).ToList(),
            };
            entity.Versions.Add(version);
            await db.SaveChangesAsync(ct);
            if (latest is not null)
            {
                changes.Add(Change("VersionPublished", Thing("Instrument", config.Key), version.Number));
            }
        }
    }

    public async Task OrganisationAsync(ConfigDocument doc, CancellationToken ct)
    {
        foreach (var m in doc.Municipalities)
        {
            var municipality = await db.Municipalities.SingleOrDefaultAsync(x => x.Key == m.Key, ct);
            if (Skip(municipality is not null)) continue;
            if (municipality is null)
            {
                municipality = new Municipality { Key = m.Key, Name = m.Name };
                db.Municipalities.Add(municipality);
                changes.Add(Change("Created", Thing("Municipality", m.Key)));
            }
            Rename(municipality.Name, m.Name, n => municipality.Name = n, Thing("Municipality", m.Key));
            if (m.Benchmark is { } benchmark && benchmark != municipality.Benchmark)
            {
                municipality.Benchmark = benchmark;
                changes.Add(Change(benchmark ? "BenchmarkOn" : "BenchmarkOff", Thing("Municipality", m.Key)));
            }
            await db.SaveChangesAsync(ct);

            var centres = await db.JobCentres.Where(j => j.MunicipalityId == municipality.Id).ToDictionaryAsync(j => j.Key, ct);
            var sites = await db.Sites.Where(s => s.MunicipalityId == municipality.Id).ToDictionaryAsync(s => s.Key, ct);
            var units = await db.Units.Where(u => u.MunicipalityId == municipality.Id).ToDictionaryAsync(u => u.Key, ct);
            foreach (var jc in m.JobCentres)
            {
                if (!centres.TryGetValue(jc.Key, out var centre))
                {
                    centre = new JobCentre { Key = jc.Key, Name = jc.Name, MunicipalityId = municipality.Id };
                    db.JobCentres.Add(centre);
                    changes.Add(Change("Created", Thing("JobCentre", jc.Key)));
                }
                Rename(centre.Name, jc.Name, n => centre.Name = n, Thing("JobCentre", jc.Key));
                await db.SaveChangesAsync(ct);
                foreach (var s in jc.Sites)
                {
                    if (!sites.TryGetValue(s.Key, out var site))
                    {
                        site = new Site { Key = s.Key, Name = s.Name, MunicipalityId = municipality.Id, JobCentreId = centre.Id };
                        db.Sites.Add(site);
                        changes.Add(Change("Created", Thing("Site", s.Key)));
                    }
                    else if (site.JobCentreId != centre.Id)
                    {
                        site.JobCentreId = centre.Id;
                        changes.Add(Change("MovedTo", Thing("Site", s.Key), Thing("JobCentre", jc.Key)));
                    }
                    Rename(site.Name, s.Name, n => site.Name = n, Thing("Site", s.Key));
                    if (site.KioskRepeatWindowSeconds != s.KioskRepeatWindowSeconds)
                    {
                        if (site.Id != 0) changes.Add(Change("RepeatWindow", Thing("Site", s.Key), s.KioskRepeatWindowSeconds));
                        site.KioskRepeatWindowSeconds = s.KioskRepeatWindowSeconds;
                    }
                    await db.SaveChangesAsync(ct);
                    foreach (var u in s.Units)
                    {
                        if (!units.TryGetValue(u.Key, out var unit))
                        {
                            unit = new Unit { Key = u.Key, Name = u.Name, MunicipalityId = municipality.Id, SiteId = site.Id };
                            db.Units.Add(unit);
                            changes.Add(Change("Created", Thing("Unit", u.Key)));
                        }
                        unit.SiteId = site.Id;
                        Rename(unit.Name, u.Name, n => unit.Name = n, Thing("Unit", u.Key));
                    }
                }
            }
            var offers = await db.Offers.Where(o => o.MunicipalityId == municipality.Id).ToDictionaryAsync(o => o.Key, ct);
            foreach (var o in m.Offers)
            {
                if (!offers.TryGetValue(o.Key, out var offer))
                {
                    offer = new Offer { Key = o.Key, Name = o.Name, MunicipalityId = municipality.Id };
                    db.Offers.Add(offer);
                    changes.Add(Change("Created", Thing("Offer", o.Key)));
                }
                offer.Name = o.Name;
                offer.Provider = o.Provider;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task CampaignsAndTargetsAsync(ConfigDocument doc, CancellationToken ct)
    {
        var instruments = await db.Instruments.ToDictionaryAsync(i => i.Key, i => i.Id, ct);
        var centres = await db.JobCentres.ToDictionaryAsync(j => j.Key, j => j.Id, ct);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Key, s => s.Id, ct);
        var units = await db.Units.ToDictionaryAsync(u => u.Key, u => u.Id, ct);
        var groups = await db.TargetGroups.ToDictionaryAsync(t => t.Key, t => t.Id, ct);
        var sets = await db.TargetGroupSets.ToDictionaryAsync(t => t.Key, t => t.Id, ct);

        var campaigns = await db.Campaigns.ToDictionaryAsync(c => c.Key, ct);
        foreach (var c in doc.Campaigns)
        {
            if (Skip(campaigns.ContainsKey(c.Key))) continue;
            if (!campaigns.TryGetValue(c.Key, out var entity))
            {
                entity = new Campaign { Key = c.Key, Name = c.Name };
                db.Campaigns.Add(entity);
                changes.Add(Change("Created", Thing("Campaign", c.Key)));
            }
            entity.Name = c.Name;
            entity.InstrumentId = instruments[c.Instrument];
            entity.Channel = c.Channel;
            entity.JobCentreId = c.JobCentre is null ? null : centres[c.JobCentre];
            entity.SiteId = c.Site is null ? null : sites[c.Site];
            entity.UnitId = c.Unit is null ? null : units[c.Unit];
            entity.StartsOn = c.StartsOn;
            entity.EndsOn = c.EndsOn;
            entity.Status = c.Status;
            entity.TargetGroupKeys = [.. c.TargetGroups];
        }

        var targets = await db.Targets.ToDictionaryAsync(t => t.Key, ct);
        foreach (var t in doc.Targets)
        {
            if (Skip(targets.ContainsKey(t.Key))) continue;
            if (!targets.TryGetValue(t.Key, out var entity))
            {
                entity = new Target { Key = t.Key, Name = t.Name };
                db.Targets.Add(entity);
                changes.Add(Change("Created", Thing("Target", t.Key)));
            }
            entity.Name = t.Name;
            entity.InstrumentId = instruments[t.Instrument];
            entity.Metric = t.Metric;
            entity.Aggregation = t.Aggregation;
            entity.QuestionKey = t.Question;
            entity.Direction = t.Direction;
            entity.Threshold = t.Threshold;
            entity.TargetGroupSetId = t.TargetGroupSet is null ? null : sets[t.TargetGroupSet];
            entity.TargetGroupId = t.TargetGroup is null ? null : groups[t.TargetGroup];
            entity.JobCentreId = t.JobCentre is null ? null : centres[t.JobCentre];
            entity.Year = t.Year;
        }

        var goals = await db.ServiceGoals.ToDictionaryAsync(g => g.Key, ct);
        foreach (var g in doc.ServiceGoals)
        {
            if (Skip(goals.ContainsKey(g.Key))) continue;
            if (!goals.TryGetValue(g.Key, out var entity))
            {
                entity = new ServiceGoal { Key = g.Key };
                db.ServiceGoals.Add(entity);
                changes.Add(Change("Created", Thing("ServiceGoal", g.Key)));
            }
            entity.Names = new LocalizedText(g.Names);
            entity.Descriptions = new LocalizedText(g.Descriptions);
            entity.WithinHours = g.WithinHours;
            entity.TargetShare = g.TargetShare;
            entity.Published = g.Published;
            entity.Kind = g.Kind;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Presets on an existing database: languages a stored text lacks are added, nothing is overwritten.</summary>
    private void AddTranslations(LocalizedText stored, IReadOnlyDictionary<string, string> shipped, Action<LocalizedText> set, Wording what)
    {
        if (Translations.WithMissing(stored, shipped) is { } merged)
        {
            changes.Add(Change("TranslationsAdded", what, Translations.Languages(stored.Keys, merged.Keys)));
            set(merged);
        }
    }

    private void AddScaleTranslations(Scale entity, ScaleConfig config)
    {
        AddTranslations(entity.Names, config.Names, n => entity.Names = n, Thing("Scale", config.Key));
        if (!SameOptions(entity, config))
        {
            return;
        }
        foreach (var (option, shipped) in entity.Options.OrderBy(o => o.Position).Zip(config.Options))
        {
            AddTranslations(option.Labels, shipped.Labels, l => option.Labels = l, Wording.Of("Config.Thing.ScaleOption", config.Key, option.Code));
        }
    }

    /// <summary>Every version that asks what the preset asks gets the preset's missing languages; its content hash follows
    /// its texts, so applying the same document again changes nothing.</summary>
    private void AddInstrumentTranslations(Instrument entity, InstrumentConfig config, IReadOnlyDictionary<string, int> scales)
    {
        AddTranslations(entity.Names, config.Names, n => entity.Names = n, Thing("Instrument", config.Key));
        foreach (var version in entity.Versions.Where(v => Translations.AsksTheSame(v, config, scales)))
        {
            var added = false;
            foreach (var (question, shipped) in version.Questions.OrderBy(q => q.Position).Zip(config.Questions))
            {
                if (Translations.WithMissing(question.Texts, shipped.Texts) is { } merged)
                {
                    question.Texts = merged;
                    added = true;
                }
            }
            if (added)
            {
                version.ContentHash = InstrumentHash.Of(Translations.AsConfig(version, config), version.ExtendsVersionId);
                changes.Add(Change("VersionTranslationsAdded", Thing("Instrument", config.Key), version.Number));
            }
        }
    }

    private void Rename(string current, string wanted, Action<string> set, Wording what)
    {
        if (current != wanted)
        {
            changes.Add(Change("Renamed", what, wanted));
            set(wanted);
        }
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static bool SameOptions(Scale entity, ScaleConfig config) =>
        entity.Options.OrderBy(o => o.Position).Select(o => (o.Code, o.Value, o.Polarity))
            .SequenceEqual(config.Options.Select(o => (o.Code, o.Value, o.Polarity)));

    private static IEnumerable<InstrumentConfig> InstrumentOrder(List<InstrumentConfig> instruments)
    {
        var byKey = instruments.ToDictionary(i => i.Key);
        var done = new HashSet<string>();
        IEnumerable<InstrumentConfig> Visit(InstrumentConfig i)
        {
            if (!done.Add(i.Key)) yield break;
            foreach (var dep in new[] { i.Extends, i.MirrorOf }.OfType<string>().Where(byKey.ContainsKey))
            {
                foreach (var d in Visit(byKey[dep])) yield return d;
            }
            yield return i;
        }
        return instruments.SelectMany(Visit).ToList();
    }
}
