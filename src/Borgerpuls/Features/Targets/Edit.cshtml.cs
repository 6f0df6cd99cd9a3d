using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Targets;

/// <summary>Creates or changes one target (måltal): what is measured (share positive or negative, or a mean; over the
/// questions or on one), the threshold, whom it is about (all citizens, a target group or set, a job centre) and its year.
/// While the analyst types, the preview shows the value the dashboard would judge the target on now and whether it is
/// met — the same evaluation as the dashboard's, so the two cannot disagree. Every problem is named at once; nothing is
/// saved until there is none; every save is audited.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class EditModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, AuditLog audit, InstrumentCatalog instruments,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxName = 200;
    public const string SetPrefix = "set:", GroupPrefix = "group:";

    // Every field binds on GET too: the live preview sends the form as it stands as a query.
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public TargetMetric Metric { get; set; }
    [BindProperty(SupportsGet = true)] public TargetAggregation Aggregation { get; set; } = TargetAggregation.Question;
    [BindProperty(SupportsGet = true)] public string? Question { get; set; }
    [BindProperty(SupportsGet = true)] public TargetDirection Direction { get; set; }

    /// <summary>As typed: a share in per cent ("68", "68,5", "68 %"), a mean on the scale's values ("3,8").</summary>
    [BindProperty(SupportsGet = true)] public string? Threshold { get; set; }

    /// <summary>Empty for all citizens, else <see cref="SetPrefix"/> or <see cref="GroupPrefix"/> and the key.</summary>
    [BindProperty(SupportsGet = true)] public string? Population { get; set; }
    [BindProperty(SupportsGet = true)] public string? JobCentre { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public InstrumentDefinition? Definition { get; private set; }
    public List<Choice> Centres { get; private set; } = [];
    public List<Choice> Sets { get; private set; } = [];
    public List<Choice> Groups { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>The target as it stands, judged now; null while the form has problems (<see cref="Errors"/>).</summary>
    public TargetResult? Preview { get; private set; }
    public bool Previewed { get; private set; }
    public int K => anonymity.K;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var saved = await db.Targets.AsNoTracking().Include(x => x.Instrument).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (saved is null) return NotFound();
            await FillAsync(saved, ct);
        }
        await LoadAsync(ct);
        if (Instrument is not null && Definition is null) Errors.Add(t["Targets.UnknownInstrument", Instrument]);
        return Page();
    }

    /// <summary>The preview of the form as it stands, for the script (a fragment, by GET as the form is typed).</summary>
    public Task<IActionResult> OnGetPreviewAsync(bool fragment, CancellationToken ct) => PreviewAsync(fragment, ct);

    /// <summary>The same as a whole page, from the form's preview button when the browser runs no script.</summary>
    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => PreviewAsync(false, ct);

    private async Task<IActionResult> PreviewAsync(bool fragment, CancellationToken ct)
    {
        if (Id is { } id && await db.Targets.AsNoTracking().Where(x => x.Id == id).Select(x => x.Instrument!.Key).SingleOrDefaultAsync(ct) is { } key)
        {
            Instrument = key;
        }
        await LoadAsync(ct);
        if (await ValidateAsync(ct) is { } candidate)
        {
            Preview = await EvaluateAsync(candidate, ct);
        }
        Previewed = true;
        return fragment ? Partial("_Preview", this) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Target? saved = null;
        if (Id is { } id)
        {
            saved = await db.Targets.Include(x => x.Instrument).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (saved is null) return NotFound();
            Instrument = saved.Instrument!.Key; // a target keeps its questionnaire; a new questionnaire is a new target
        }
        await LoadAsync(ct);
        if (await ValidateAsync(ct) is not { } candidate) return Page();
        var created = saved is null;
        if (saved is null)
        {
            if (await FreeKeyAsync(candidate.Name, ct) is not { } key)
            {
                Errors.Add(t["Targets.NameTaken", candidate.Name]);
                return Page();
            }
            saved = db.Targets.Add(new Target { Key = key, Name = "" }).Entity;
        }
        (saved.Name, saved.InstrumentId, saved.Metric, saved.Aggregation, saved.QuestionKey, saved.Direction, saved.Threshold) =
            (candidate.Name, candidate.InstrumentId, candidate.Metric, candidate.Aggregation, candidate.QuestionKey, candidate.Direction, candidate.Threshold);
        (saved.TargetGroupSetId, saved.TargetGroupId, saved.JobCentreId, saved.Year) = (candidate.TargetGroupSetId, candidate.TargetGroupId, candidate.JobCentreId, candidate.Year);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            // The same form sent twice at once: the other copy took the key first and is the one kept.
            Errors.Add(t["Targets.NameTaken", candidate.Name]);
            return Page();
        }
        await audit.WriteAsync(created ? AuditActions.TargetCreate : AuditActions.TargetUpdate,
            $"target {saved.Key} \"{saved.Name}\" {Instrument} {saved.Metric} {saved.Aggregation} {saved.QuestionKey} {saved.Direction} {saved.Threshold.ToString(CultureInfo.InvariantCulture)} " +
            $"{Population ?? "all"} {JobCentre ?? "all centres"} {saved.Year?.ToString(CultureInfo.InvariantCulture) ?? "every year"}", ct: ct);
        TempData["Done"] = t[created ? "Targets.Created" : "Targets.Saved", saved.Name].Value;
        return Redirect("/targets");
    }

    /// <summary>The form as a target, or null with every problem in <see cref="Errors"/>.</summary>
    private async Task<Target?> ValidateAsync(CancellationToken ct)
    {
        foreach (var (field, label) in new[] { (nameof(Metric), "Targets.Metric"), (nameof(Aggregation), "Targets.Aggregation"), (nameof(Direction), "Targets.Direction") })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) Errors.Add(t["Targets.BadValue", t[label], entry.AttemptedValue ?? ""]);
        }
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > MaxName) Errors.Add(t["Targets.NameRequired", MaxName]);
        else if (await db.Targets.AnyAsync(x => x.Name == Name && x.Id != (Id ?? 0) && x.Instrument!.Key == Instrument, ct)) Errors.Add(t["Targets.NameTaken", Name]);
        if (Definition is null) Errors.Add(t["Targets.UnknownInstrument", Instrument ?? ""]);

        QuestionDefinition? question = null;
        if (Aggregation == TargetAggregation.Question)
        {
            question = Definition?.Question(Question ?? "");
            if (string.IsNullOrWhiteSpace(Question)) Errors.Add(t["Targets.QuestionRequired"]);
            else if (Definition is not null && question is not { HasOptions: true }) Errors.Add(t["Targets.UnknownQuestion", Question]);
        }
        else if (Metric == TargetMetric.Mean)
        {
            Errors.Add(t["Targets.MeanNeedsQuestion"]);
        }
        var threshold = ReadThreshold(question);

        int? setId = null, groupId = null, centreId = null, year = null;
        var population = Population?.Trim() ?? "";
        if (population.StartsWith(SetPrefix, StringComparison.Ordinal))
        {
            var key = population[SetPrefix.Length..];
            setId = await db.TargetGroupSets.Where(s => s.Key == key).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
            if (setId is null) Errors.Add(t["Targets.UnknownPopulation", key]);
        }
        else if (population.StartsWith(GroupPrefix, StringComparison.Ordinal))
        {
            var key = population[GroupPrefix.Length..];
            groupId = await db.TargetGroups.Where(g => g.Key == key).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
            if (groupId is null) Errors.Add(t["Targets.UnknownPopulation", key]);
        }
        else if (population.Length > 0)
        {
            Errors.Add(t["Targets.UnknownPopulation", population]);
        }
        JobCentre = string.IsNullOrWhiteSpace(JobCentre) ? null : JobCentre.Trim();
        if (JobCentre is not null)
        {
            centreId = await db.JobCentres.Where(j => j.Key == JobCentre).Select(j => (int?)j.Id).SingleOrDefaultAsync(ct);
            if (centreId is null) Errors.Add(t["Targets.UnknownCentre", JobCentre]);
        }
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100) year = y;
            else Errors.Add(t["Targets.BadYear", Year]);
        }
        if (Errors.Count > 0) return null;
        return new Target
        {
            Key = "", Name = Name!, InstrumentId = Definition!.InstrumentId, Metric = Metric, Aggregation = Aggregation,
            QuestionKey = Aggregation == TargetAggregation.Question ? question!.Key : null, Direction = Direction, Threshold = threshold!.Value,
            TargetGroupSetId = setId, TargetGroupId = groupId, JobCentreId = centreId, Year = year,
        };
    }

    /// <summary>A share is typed in per cent and kept as a fraction; a mean is kept as typed and must lie on the question's
    /// scale. Danish decimal commas and a trailing "%" are read.</summary>
    private double? ReadThreshold(QuestionDefinition? question)
    {
        var text = Threshold?.Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(text) || !double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Errors.Add(t[string.IsNullOrWhiteSpace(Threshold) ? "Targets.ThresholdRequired" : "Targets.BadThreshold", Threshold ?? ""]);
            return null;
        }
        if (Metric != TargetMetric.Mean)
        {
            if (value > 100) Errors.Add(t["Targets.ShareOutOfRange"]);
            return value / 100;
        }
        var values = question?.Options.Select(o => o.Value).OfType<double>().ToList() ?? [];
        if (values.Count == 0)
        {
            if (question is not null) Errors.Add(t["Targets.NoScale"]);
            return value;
        }
        if (value < values.Min() || value > values.Max())
        {
            Errors.Add(t["Targets.MeanOutOfRange", values.Min().ToString("0.##", CultureInfo.CurrentCulture), values.Max().ToString("0.##", CultureInfo.CurrentCulture)]);
        }
        return value;
    }

    /// <summary>The target judged as the dashboard judges it: on its own year, or on the dashboard's default twelve months.</summary>
    private async Task<TargetResult?> EvaluateAsync(Target candidate, CancellationToken ct)
    {
        var request = new ResultsRequest(Instrument!);
        if (candidate.Year is null)
        {
            var today = DanishTime.Today(clock);
            var to = new DateOnly(today.Year, today.Month, 1);
            request = request with { From = to.AddMonths(-11), To = to.AddMonths(1).AddDays(-1) };
        }
        var index = await databases.Catalog.OrganisationAsync(ct);
        return await TargetQuery.EvaluateAsync(db, databases, candidate, request, index, Viewer.For(HttpContext), anonymity.K,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
    }

    private async Task FillAsync(Target saved, CancellationToken ct)
    {
        (Instrument, Name, Metric, Aggregation, Question, Direction) = (saved.Instrument!.Key, saved.Name, saved.Metric, saved.Aggregation, saved.QuestionKey, saved.Direction);
        Threshold = (saved.Metric == TargetMetric.Mean ? saved.Threshold : saved.Threshold * 100).ToString("0.###", CultureInfo.CurrentCulture);
        Year = saved.Year?.ToString(CultureInfo.InvariantCulture);
        JobCentre = saved.JobCentreId is { } jc ? await db.JobCentres.Where(j => j.Id == jc).Select(j => j.Key).SingleAsync(ct) : null;
        Population = saved.TargetGroupSetId is { } set ? SetPrefix + await db.TargetGroupSets.Where(s => s.Id == set).Select(s => s.Key).SingleAsync(ct)
            : saved.TargetGroupId is { } group ? GroupPrefix + await db.TargetGroups.Where(g => g.Id == group).Select(g => g.Key).SingleAsync(ct) : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A retired centre, set or group is offered only to the target that already names it.
        var population = Population?.Split(':', 2) is [_, var key] ? key : null;
        Centres = await Choices.JobCentresAsync(db, [JobCentre], ct);
        Sets = await Choices.TargetGroupSetsAsync(db, [population], ct);
        Groups = await Choices.TargetGroupsAsync(db, [population], ct);
        Definition = Instrument is { Length: > 0 } instrument ? await instruments.LatestAsync(instrument, ct) : null;
    }

    /// <summary>A key for a new target made from its name (keys are what <c>config export</c> and the API show).</summary>
    private Task<string?> FreeKeyAsync(string name, CancellationToken ct) => FreeKey.FromNameAsync(db.Targets.Select(x => x.Key), name, "maal",
        key => db.Targets.AnyAsync(x => x.Key == key && x.Name == name && x.Instrument!.Key == Instrument, ct), ct);

    public static string MetricKey(TargetMetric metric) => "Targets.Metric." + metric;
    public static string AggregationKey(TargetAggregation aggregation) => "Targets.Aggregation." + aggregation;
    public static string DirectionKey(TargetDirection direction) => "Targets.Direction." + direction;

    /// <summary>A question as the form lists it: its number in the questionnaire and its text in the reader's language.</summary>
    public string QuestionLabel(QuestionDefinition question) => Definition!.Label(question);
}
