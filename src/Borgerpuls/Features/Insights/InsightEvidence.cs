using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Insights;

/// <summary>Can the statement be found in the broader picture? An insight's themes checked against the comments and the
/// linked questions' scores of its segment (job centre and target group) over the twelve months up to it.</summary>
public sealed record InsightEvidence(
    int Insight, string Title, string Instrument, PeriodInfo Period, IReadOnlyDictionary<string, string> Segment, long? Respondents,
    IReadOnlyList<ThemeEvidence> Themes);

/// <param name="CommentShare">Share of the segment's comments with the theme (null when the segment is below k).</param>
/// <param name="ReferenceCommentShare">The same share over everything the viewer may see in the period.</param>
/// <param name="Verdict"><c>supported</c>: a linked question is significantly more negative in the segment than in the rest;
/// <c>contradicted</c>: significantly less negative and none more; <c>not-significant</c>; <c>no-data</c>: no linked question
/// with figures in this instrument.</param>
public sealed record ThemeEvidence(
    string Key, string Name, double? CommentShare, double? ReferenceCommentShare, IReadOnlyList<QuestionEvidence> Questions, string Verdict);

/// <param name="NegativeDifference">Segment's negative share minus the rest's (rest = reference without the segment).</param>
public sealed record QuestionEvidence(
    string Key, long? Base, double? Positive, double? Negative, double? ReferencePositive, double? ReferenceNegative,
    double? NegativeDifference, string? Test, double? PValue, bool? Significant, bool Suppressed);
