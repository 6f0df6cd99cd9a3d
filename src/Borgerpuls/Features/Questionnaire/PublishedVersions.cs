using Borgerpuls.Domain;

namespace Borgerpuls.Features.Questionnaire;

/// <summary>"The current version of an instrument" always means the newest <em>published</em> one: a draft version (no
/// <see cref="InstrumentVersion.PublishedAt"/>) is never collected with, validated against or reported on.</summary>
public static class PublishedVersions
{
    public static IQueryable<InstrumentVersion> Published(this IQueryable<InstrumentVersion> versions) =>
        versions.Where(v => v.PublishedAt != null);

    /// <summary>The published versions of the instrument, newest first; take the first.</summary>
    public static IQueryable<InstrumentVersion> LatestPublished(this IQueryable<InstrumentVersion> versions, string instrumentKey) =>
        versions.Published().Where(v => v.Instrument!.Key == instrumentKey).OrderByDescending(v => v.Number);

    /// <inheritdoc cref="LatestPublished(IQueryable{InstrumentVersion}, string)"/>
    public static IQueryable<InstrumentVersion> LatestPublished(this IQueryable<InstrumentVersion> versions, int instrumentId) =>
        versions.Published().Where(v => v.InstrumentId == instrumentId).OrderByDescending(v => v.Number);
}
