using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Results;

public sealed record CompareReport(string Instrument, string Dimension, string A, string B, IReadOnlyList<CompareQuestion> Questions);

public sealed record CompareQuestion(string Key, double? PositiveA, double? PositiveB, long? BaseA, long? BaseB, double? Difference, string? Test, double? PValue, bool Significant, bool Suppressed)
{
    /// <summary>The means and Welch's t-test of their difference; null for a question without a scale or with fewer than
    /// two answers in a group.</summary>
    public MeanDifference? Mean { get; init; }
}

/// <summary><see cref="T"/> is null when no answer varies in either group (the difference is then certain or nil).</summary>
public sealed record MeanDifference(double A, double B, double Difference, double? T, double DegreesOfFreedom, double PValue, bool Significant);

/// <summary>Two groups or two periods side by side, per question: positive shares, the difference and whether it is
/// significant (two-proportion z-test, Fisher's exact test for small expected counts), and the means with Welch's t-test.
/// Built on the results query, so the same suppression and scope apply; the tests use its unrounded counts and sums.</summary>
public static class CompareQuery
{
    public static async Task<CompareReport> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, string a, string b, Viewer viewer, int k, CancellationToken ct)
    {
        if (request.By is not { } by)
        {
            throw new ResultsException("Results.Error.CompareWithoutBy");
        }
        if (request.By2 is not null)
        {
            throw new ResultsException("Results.Error.CompareWithBy2");
        }
        return Of(await ResultsQuery.FiguresAsync(db, databases, request, viewer, k, ct), by, a, b);
    }

    /// <summary>The comparison from a results report already broken down along <paramref name="by"/> (so suppressed groups
    /// and cells stay suppressed).</summary>
    public static CompareReport Of(ResultsReport report, Dimension by, string a, string b)
    {
        var name = report.By ?? ResultsRequest.Name(by);
        GroupResult? Find(string key) => report.Groups.FirstOrDefault(g => g.Key.GetValueOrDefault(name) == key);
        var groupA = Find(a);
        var groupB = Find(b);
        var keys = (groupA ?? groupB)?.Questions.Select(q => q.Key).ToList() ?? [];
        var questions = keys.Select(key =>
        {
            var qa = groupA?.Questions.First(q => q.Key == key);
            var qb = groupB?.Questions.First(q => q.Key == key);
            if (qa is not { Suppressed: false, Figures: { Base: > 0 } fa } || qb is not { Suppressed: false, Figures: { Base: > 0 } fb })
            {
                return new CompareQuestion(key, null, null, null, null, null, null, null, false, true);
            }
            var test = Comparison.Proportions(fa.Positive, fa.Base, fb.Positive, fb.Base);
            return new CompareQuestion(key, qa.Positive, qb.Positive, qa.Base, qb.Base, test.Difference, test.Test == ComparisonTest.FisherExact ? "fisher" : "z", test.PValue, test.Significant, false)
            {
                Mean = Means(fa, fb),
            };
        }).ToList();
        return new CompareReport(report.Instrument, name, a, b, questions);
    }

    private static MeanDifference? Means(QuestionFigures a, QuestionFigures b)
    {
        if (a.Mean is null || b.Mean is null || a.Base < 2 || b.Base < 2)
        {
            return null;
        }
        var test = MeanComparison.Welch(MeanSample.FromSums(a.Base, a.SumValues, a.SumSquares), MeanSample.FromSums(b.Base, b.SumValues, b.SumSquares));
        return new MeanDifference(a.Mean.Value, b.Mean.Value, test.Difference, double.IsFinite(test.T) ? test.T : null, test.DegreesOfFreedom, test.PValue, test.Significant);
    }
}
