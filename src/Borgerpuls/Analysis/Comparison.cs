using MathNet.Numerics.Distributions;

namespace Borgerpuls.Analysis;

public enum ComparisonTest
{
    TwoProportionZ,
    FisherExact,
}

public sealed record ComparisonResult(ComparisonTest Test, double Difference, double PValue)
{
    /// <summary>Flagged only when significant at the 95 % level (SPEC §5).</summary>
    public bool Significant => PValue < 0.05;
}

/// <summary>Comparison of two shares (two groups, or two periods).</summary>
public static class Comparison
{
    /// <summary>Two-proportion z-test with pooled standard error; Fisher's exact test when an expected count is below 5.</summary>
    public static ComparisonResult Proportions(long successesA, long nA, long successesB, long nB)
    {
        if (nA <= 0 || nB <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nA), "Both groups need at least one answer.");
        }
        var difference = (double)successesA / nA - (double)successesB / nB;
        var total = nA + nB;
        var successes = successesA + successesB;
        var failures = total - successes;
        var expected = new[] { (double)nA * successes / total, (double)nA * failures / total, (double)nB * successes / total, (double)nB * failures / total };
        if (expected.Any(e => e < 5))
        {
            return new ComparisonResult(ComparisonTest.FisherExact, difference, FisherTwoSided(successesA, nA - successesA, successesB, nB - successesB));
        }
        var pooled = (double)successes / total;
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        var p = se == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(difference) / se));
        return new ComparisonResult(ComparisonTest.TwoProportionZ, difference, Math.Clamp(p, 0, 1));
    }

    /// <summary>Two-sided Fisher's exact test for the 2×2 table [[a, b], [c, d]]: the sum of the probabilities of all tables
    /// with the same margins that are no more likely than the observed one.</summary>
    public static double FisherTwoSided(long a, long b, long c, long d)
    {
        var rowA = a + b;
        var colSuccess = a + c;
        var total = a + b + c + d;
        var low = Math.Max(0, colSuccess - (c + d));
        var high = Math.Min(rowA, colSuccess);
        double Probability(long x) => Math.Exp(
            MathNet.Numerics.SpecialFunctions.BinomialLn((int)colSuccess, (int)x)
            + MathNet.Numerics.SpecialFunctions.BinomialLn((int)(total - colSuccess), (int)(rowA - x))
            - MathNet.Numerics.SpecialFunctions.BinomialLn((int)total, (int)rowA));
        var observed = Probability(a);
        var p = 0.0;
        for (var x = low; x <= high; x++)
        {
            var px = Probability(x);
            // Relative tolerance: tables as likely as the observed one must count, despite rounding.
            if (px <= observed * (1 + 1e-7))
            {
                p += px;
            }
        }
        return Math.Min(1, p);
    }
}
