using System.Globalization;
using System.Text.Json;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Redaction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Insights;

/// <summary>What a focus group, citizen panel, borgerforetræde or interview said, as staff record it.</summary>
public sealed record InsightInput(
    DateOnly? Date, string? Source, string? Jobcentre, string? TargetGroup, string? Title, string? Summary, string[]? Themes, string[]? Quotes);

public sealed record InsightView(
    int Id, DateOnly Date, string Source, string? Jobcentre, string? TargetGroup, string Title, string? Summary, IReadOnlyList<string> Themes, IReadOnlyList<string> Quotes);

/// <summary>One thing wrong with an insight: the field, and the text's resource key and arguments, so the API and the page
/// each say it in the reader's language.</summary>
public sealed record InsightProblem(string Field, string Key, params object?[] Args)
{
    public string Text(IStringLocalizer t) => string.Format(CultureInfo.CurrentUICulture, t[Key], Args);
}

/// <summary>Records an insight for <c>POST /api/v1/insights</c> and the page <c>/insights/new</c> alike: validated as a whole
/// (every problem named, nothing written on any), summary and quotes redacted before storage like comments, a manager only
/// for their own centres, the same insight not twice, and audited.</summary>
internal static class CreateInsight
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 8_000;
    public const int MaxQuote = 2_000;
    public const int MaxQuotes = 9;
    private const int StoredQuotesLength = 20_000;

    public static async Task<Results<Created<InsightView>, ValidationProblem>> HandleAsync(
        HttpContext http, BorgerpulsDb db, ThemeLexicon lexicon, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        InsightInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<InsightInput>(http.Request.Body, IngestJson.Options, ct);
        }
        catch (JsonException e)
        {
            return Invalid(new() { ["$"] = [$"Malformed JSON{(e.Path is null ? "" : $" at {e.Path}")}: {e.Message.Split(" Path:")[0]}"] }, t);
        }
        if (input is null)
        {
            return Invalid(new() { ["$"] = [t["Insights.Error.NoObject"]] }, t);
        }
        var (insight, problems) = await RecordAsync(input, Viewer.From(http.User), db, lexicon, audit, clock, ct);
        if (insight is null)
        {
            return Invalid(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Text(t)).ToArray()), t);
        }
        var view = new InsightView(insight.Id, insight.Date, JsonNamingPolicy.CamelCase.ConvertName(insight.Source.ToString()), input.Jobcentre, input.TargetGroup,
            insight.Title, insight.Summary, insight.Themes, insight.Quotes);
        return TypedResults.Created($"/api/v1/insights/{insight.Id}", view);
    }

    /// <summary>The stored insight, or null and every problem with the input.</summary>
    public static async Task<(Insight? Insight, IReadOnlyList<InsightProblem> Problems)> RecordAsync(
        InsightInput input, Viewer viewer, BorgerpulsDb db, ThemeLexicon lexicon, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var problems = new List<InsightProblem>();
        var today = DanishTime.Today(clock);
        if (input.Date is not { } date) problems.Add(new("date", "Insights.Error.DateRequired"));
        else if (date > today) problems.Add(new("date", "Insights.Error.DateInFuture"));
        InsightSource source = default;
        if (input.Source is null || !Enum.TryParse(input.Source, ignoreCase: true, out source) || int.TryParse(input.Source, out _))
        {
            problems.Add(new("source", "Insights.Error.UnknownSource", input.Source, string.Join(", ", Enum.GetNames<InsightSource>().Select(JsonNamingPolicy.CamelCase.ConvertName))));
        }
        int? centreId = null;
        if (input.Jobcentre is { } centreKey)
        {
            centreId = await db.JobCentres.Where(j => j.Key == centreKey).Select(j => (int?)j.Id).SingleOrDefaultAsync(ct);
            if (centreId is null || !viewer.SeesCentre(centreKey)) problems.Add(new("jobcentre", "Insights.Error.NotYourCentre", centreKey));
        }
        else if (!viewer.SeesAll)
        {
            problems.Add(new("jobcentre", "Insights.Error.CentreRequired"));
        }
        int? groupId = null;
        if (input.TargetGroup is { } groupKey)
        {
            groupId = await db.TargetGroups.Where(g => g.Key == groupKey).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
            if (groupId is null) problems.Add(new("targetGroup", "Insights.Error.UnknownTargetGroup", groupKey));
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitle) problems.Add(new("title", "Insights.Error.TitleRequired", MaxTitle));
        if (input.Summary?.Length > MaxSummary) problems.Add(new("summary", "Insights.Error.SummaryTooLong", MaxSummary));
        var known = lexicon.Themes.Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        var themes = (input.Themes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (themes.Count == 0) problems.Add(new("themes", "Insights.Error.ThemeRequired"));
        else if (themes.Where(x => !known.Contains(x)).ToList() is { Count: > 0 } unknown)
        {
            problems.Add(new("themes", "Insights.Error.UnknownThemes", string.Join(", ", unknown), string.Join(", ", known)));
        }
        var quotes = (input.Quotes ?? []).Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        // The column holds the quotes as JSON, where letters outside ASCII take six characters each.
        if (quotes.Count > MaxQuotes || quotes.Any(q => q.Length > MaxQuote) || JsonColumn.Serialize(quotes).Length > StoredQuotesLength)
        {
            problems.Add(new("quotes", "Insights.Error.Quotes", MaxQuotes, MaxQuote));
        }
        if (problems.Count > 0) return (null, problems);

        var insight = new Insight
        {
            Date = input.Date!.Value, Source = source, JobCentreId = centreId, TargetGroupId = groupId, Title = CommentRedactor.Redact(title!).Text,
            Summary = input.Summary is null ? null : CommentRedactor.Redact(input.Summary).Text,
            Themes = themes, Quotes = quotes.Select(q => CommentRedactor.Redact(q).Text).ToList(),
        };
        // The same form or request sent twice (a double click, a retry after a lost answer) records the insight once.
        if (await db.Insights.AnyAsync(i => i.Date == insight.Date && i.JobCentreId == centreId && i.Title == insight.Title && i.Summary == insight.Summary, ct))
        {
            return (null, [new("title", "Insights.Error.Duplicate", insight.Title, insight.Date.ToString("d", CultureInfo.CurrentCulture))]);
        }
        db.Insights.Add(insight);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.InsightCreate, $"insight {insight.Id} {input.Jobcentre}", ct: ct);
        return (insight, []);
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, IStringLocalizer t) =>
        TypedResults.ValidationProblem(errors, title: t["Insights.Error.Title"]);
}
