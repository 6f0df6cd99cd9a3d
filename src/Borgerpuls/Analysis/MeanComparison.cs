using MathNet.Numerics.Distributions;

namespace Borgerpuls.Analysis;

/// <summary>One group's mean as the aggregates hold it: n, mean and sample standard deviation.</summary>
public sealed record MeanSample(long N, double Mean, double StandardDeviation)
{
    /// <summary>From the sums the aggregates keep (n, Σv, Σv²), e.g. a <see cref="QuestionFigures"/>' base, SumValues and
    /// SumSquares; the standard deviation is the sample one (n − 1), as in <see cref="Proportion.Mean"/>.</summary>
    public static MeanSample FromSums(long n, double sum, double sumOfSquares)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A mean needs at least one answer.");
        }
        var mean = sum / n;
        var variance = n < 2 ? 0 : Math.Max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        return new MeanSample(n, mean, Math.Sqrt(variance));
    }
}

public sealed record MeanComparisonResult(double Difference, double T, double DegreesOfFreedom, double PValue)
{
    /// <summary>Flagged only when significant at the 95 % level, as for shares (SPEC §5).</summary>
    public bool Significant => PValue < 0.05;
}

/// <summary>Comparison of two means (two groups or two periods).</summary>
public static class MeanComparison
{
    /// <summary>Welch's t-test: it does not assume equal variances, which two job centres or target groups rarely have, and
    /// with the Welch–Satterthwaite degrees of freedom it is also right for small groups; for large groups it equals the z-test.</summary>
    public static MeanComparisonResult Welch(MeanSample a, MeanSample b)
    {
        if (a.N < 2 || b.N < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Both groups need at least two answers.");
        }
        var difference = a.Mean - b.Mean;
        var va = a.StandardDeviation * a.StandardDeviation / a.N;
        var vb = b.StandardDeviation * b.StandardDeviation / b.N;
        if (va + vb == 0)
        {
            // Nobody varies: equal means are no difference at all, different ones are as certain as data can be.
            return new MeanComparisonResult(difference, difference == 0 ? 0 : double.PositiveInfinity, a.N + b.N - 2, difference == 0 ? 1 : 0);
        }
        var t = difference / Math.Sqrt(va + vb);
        var df = (va + vb) * (va + vb) / (va * va / (a.N - 1) + vb * vb / (b.N - 1));
        var p = 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(t)));
        return new MeanComparisonResult(difference, t, df, Math.Clamp(p, 0, 1));
    }
}
