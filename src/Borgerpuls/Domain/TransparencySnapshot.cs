namespace Borgerpuls.Domain;

/// <summary>Figures an analyst published on the public transparency page: for the municipality or one job centre, one
/// questionnaire and a run of whole months. Frozen when published — <see cref="Content"/> holds the figures as they were
/// computed then (already suppressed), never a query — so later answers do not change what the public reads.</summary>
public sealed class TransparencySnapshot
{
    public int Id { get; set; }

    /// <summary>The municipality's key or a job centre's key: the public address <c>/offentlig/{ScopeKey}</c>.</summary>
    public required string ScopeKey { get; set; }

    /// <summary>The job centre the figures are about; null for the whole municipality.</summary>
    public int? JobCentreId { get; set; }
    public required string InstrumentKey { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }

    /// <summary>Fixed when the preview is shown, so the same publish form sent twice stores one snapshot.</summary>
    public Guid PublishKey { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }

    /// <summary>The rendered figures as JSON (see <c>Features.Transparency.TransparencyContent</c>).</summary>
    public required string Content { get; set; }
}
