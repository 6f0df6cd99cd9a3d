namespace Borgerpuls.Analysis;

/// <summary>Sufficient statistics for a Pearson correlation; they add up, so aggregates can keep them per cell.</summary>
public record struct PairSums(long N, double SumX, double SumY, double SumXX, double SumYY, double SumXY)
{
    public static PairSums operator +(PairSums a, PairSums b) =>
        new(a.N + b.N, a.SumX + b.SumX, a.SumY + b.SumY, a.SumXX + b.SumXX, a.SumYY + b.SumYY, a.SumXY + b.SumXY);

    public static PairSums Of(double x, double y) => new(1, x, y, x * x, y * y, x * y);

    /// <summary>Pearson's r, or null with fewer than two pairs or no variation in either variable.</summary>
    public readonly double? Pearson()
    {
        if (N < 2)
        {
            return null;
        }
        var covariance = SumXY - SumX * SumY / N;
        var varianceX = SumXX - SumX * SumX / N;
        var varianceY = SumYY - SumY * SumY / N;
        if (varianceX <= 1e-12 || varianceY <= 1e-12)
        {
            return null;
        }
        return Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }
}
