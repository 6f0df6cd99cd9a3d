namespace Borgerpuls.Analysis;

/// <summary>A 95 % interval [Low, High].</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>Intervals for a share and a mean (SPEC §5).</summary>
public static class Proportion
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval: unlike the normal approximation it stays inside 0–1 and behaves at 0 % and 100 %,
    /// which small units and high satisfaction make common.</summary>
    public static Interval Wilson(long successes, long n, double z = Z95)
    {
        if (n <= 0)
        {
            return new Interval(double.NaN, double.NaN);
        }
        var p = (double)successes / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Normal-approximation interval for a mean from n, Σx and Σx² (sample standard deviation).</summary>
    public static Interval Mean(long n, double sum, double sumOfSquares, double z = Z95)
    {
        if (n < 2)
        {
            return new Interval(double.NaN, double.NaN);
        }
        var mean = sum / n;
        var variance = Math.Max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        var half = z * Math.Sqrt(variance / n);
        return new Interval(mean - half, mean + half);
    }
}
