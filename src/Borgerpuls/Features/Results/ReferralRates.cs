using Borgerpuls.Analysis;
using Borgerpuls.Domain;

namespace Borgerpuls.Features.Results;

internal static class ReferralRates
{
    /// <summary>How a not-stated referral source is named in results.</summary>
    public const string NotStated = "ikke-oplyst";

    /// <summary>In the order of <see cref="ReferralSource.All"/>, not stated last; null without invitations.</summary>
    public static IReadOnlyList<ReferralRateResult>? From(IReadOnlyDictionary<string, ResponseRate> byReferral)
    {
        var ordered = ReferralSource.All.Append(ReferralSource.NotStated)
            .Where(r => byReferral.TryGetValue(r, out var rate) && rate.Offered > 0).Select(r => (Source: r, Rate: byReferral[r])).ToList();
        if (ordered.Count == 0) return null;
        var differ = ResponseRate.DiffersFromRest(ordered.Select(o => o.Rate).ToList());
        return ordered.Select((o, i) => new ReferralRateResult(o.Source.Length == 0 ? NotStated : o.Source, o.Rate.Offered, o.Rate.Answered, o.Rate.Rate, o.Rate.Low, differ[i]))
            .ToList();
    }
}
