using System.Text.Json;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Security;
using Borgerpuls.Security.Redaction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Insights;

/// <summary>What a focus group, citizen panel, borgerforetræde or interview said, as staff record it.</summary>
public sealed record InsightInput(
    DateOnly? Date, string? Source, string? Jobcentre, string? TargetGroup, string? Title, string? Summary, string[]? Themes, string[]? Quotes);

public sealed record InsightView(
    int Id, DateOnly Date, string Source, string? Jobcentre, string? TargetGroup, string Title, string? Summary, IReadOnlyList<string> Themes, IReadOnlyList<string> Quotes);

/// <summary><c>POST /api/v1/insights</c>: validated as a whole (every problem listed, nothing written on any), summary and
/// quotes redacted before storage like comments, a manager only for their own centres.</summary>
internal static class CreateInsight
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 8_000;
    public const int MaxQuote = 2_000;
    public const int MaxQuotes = 9;
    private const int StoredQuotesLength = 20_000;

    public static async Task<Results<Created<InsightView>, ValidationProblem>> HandleAsync(
        HttpContext http, BorgerpulsDb db, ThemeLexicon lexicon, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        InsightInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<InsightInput>(http.Request.Body, IngestJson.Options, ct);
        }
        catch (JsonException e)
        {
            return Invalid(new() { ["$"] = [$"Malformed JSON{(e.Path is null ? "" : $" at {e.Path}")}: {e.Message.Split(" Path:")[0]}"] });
        }
        if (input is null)
        {
            return Invalid(new() { ["$"] = ["Send one insight object."] });
        }
        var viewer = Viewer.From(http.User);
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.Date is not { } date) errors["date"] = ["Give the date of the meeting or interview (yyyy-mm-dd)."];
        else if (date > today) errors["date"] = ["The date is in the future."];
        InsightSource source = default;
        if (input.Source is null || !Enum.TryParse(input.Source, ignoreCase: true, out source) || int.TryParse(input.Source, out _))
        {
            errors["source"] = [$"'{input.Source}' is not a source; use one of: {string.Join(", ", Enum.GetNames<InsightSource>().Select(JsonNamingPolicy.CamelCase.ConvertName))}."];
        }
        int? centreId = null;
        if (input.Jobcentre is { } centreKey)
        {
            centreId = await db.JobCentres.Where(j => j.Key == centreKey).Select(j => (int?)j.Id).SingleOrDefaultAsync(ct);
            if (centreId is null || (viewer.JobCentreKeys is { } own && !own.Contains(centreKey)))
            {
                errors["jobcentre"] = [$"'{centreKey}' is not a job centre you can record insights for."];
            }
        }
        else if (!viewer.SeesAll)
        {
            errors["jobcentre"] = ["Give the job centre the insight is about."];
        }
        int? groupId = null;
        if (input.TargetGroup is { } groupKey)
        {
            groupId = await db.TargetGroups.Where(t => t.Key == groupKey).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
            if (groupId is null) errors["targetGroup"] = [$"'{groupKey}' is not a target group."];
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitle) errors["title"] = [$"Give a title of 1 to {MaxTitle} characters."];
        if (input.Summary?.Length > MaxSummary) errors["summary"] = [$"The summary is longer than {MaxSummary} characters."];
        var known = lexicon.Themes.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var themes = (input.Themes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (themes.Count == 0) errors["themes"] = ["Name at least one theme."];
        else if (themes.Where(t => !known.Contains(t)).ToList() is { Count: > 0 } unknown)
        {
            errors["themes"] = [$"Unknown theme(s): {string.Join(", ", unknown)}; use one of: {string.Join(", ", known)}."];
        }
        var quotes = (input.Quotes ?? []).Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        // The column holds the quotes as JSON, where letters outside ASCII take six characters each.
        if (quotes.Count > MaxQuotes || quotes.Any(q => q.Length > MaxQuote) || JsonColumn.Serialize(quotes).Length > StoredQuotesLength)
        {
            errors["quotes"] = [$"At most {MaxQuotes} quotes of at most {MaxQuote} characters each, and not more than the quotes column holds."];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var insight = new Insight
        {
            Date = input.Date!.Value, Source = source, JobCentreId = centreId, TargetGroupId = groupId, Title = CommentRedactor.Redact(title).Text,
            Summary = input.Summary is null ? null : CommentRedactor.Redact(input.Summary).Text,
            Themes = themes, Quotes = quotes.Select(q => CommentRedactor.Redact(q).Text).ToList(),
        };
        db.Insights.Add(insight);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.InsightCreate, $"insight {insight.Id} {input.Jobcentre}", ct: ct);
        var view = new InsightView(insight.Id, insight.Date, JsonNamingPolicy.CamelCase.ConvertName(source.ToString()), input.Jobcentre, input.TargetGroup,
            insight.Title, insight.Summary, insight.Themes, insight.Quotes);
        return TypedResults.Created($"/api/v1/insights/{insight.Id}", view);
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The insight was not stored: fix the fields listed.");
}
