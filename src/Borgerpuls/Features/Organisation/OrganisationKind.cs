namespace Borgerpuls.Features.Organisation;

/// <summary>What the organisation page creates, renames and retires. The tree kommune → jobcenter → adresse → team, the
/// offers of a municipality, and the municipality-wide taxonomy (target groups, their sets, background variables).</summary>
public enum OrganisationKind { Municipality, JobCentre, Site, Unit, Offer, TargetGroup, TargetGroupSet, BackgroundVariable }

public static class OrganisationKinds
{
    /// <summary>The kind's name in running text ("jobcentret", "the job centre"): <c>Org.Kind.&lt;kind&gt;</c>.</summary>
    public static string ResourceKey(OrganisationKind kind) => "Org.Kind." + kind;

    /// <summary>The kind a new one is made under (null: the municipality-wide taxonomy and the municipality itself).</summary>
    public static OrganisationKind? Parent(OrganisationKind kind) => kind switch
    {
        OrganisationKind.JobCentre or OrganisationKind.Offer => OrganisationKind.Municipality,
        OrganisationKind.Site => OrganisationKind.JobCentre,
        OrganisationKind.Unit => OrganisationKind.Site,
        _ => null,
    };

    /// <summary>Names kept per language (the taxonomy) rather than as one name (the organisation tree and offers).</summary>
    public static bool IsTranslated(OrganisationKind kind) => kind is OrganisationKind.TargetGroup or OrganisationKind.TargetGroupSet or OrganisationKind.BackgroundVariable;

    /// <summary>The key stem when a name gives none (a name of only punctuation).</summary>
    public static string Fallback(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => "kommune",
        OrganisationKind.JobCentre => "jobcenter",
        OrganisationKind.Site => "adresse",
        OrganisationKind.Unit => "team",
        OrganisationKind.Offer => "tilbud",
        OrganisationKind.TargetGroup => "maalgruppe",
        OrganisationKind.TargetGroupSet => "samling",
        _ => "variabel",
    };
}

/// <summary>One form of the organisation page: a new one under <see cref="Parent"/> (no <see cref="Id"/>) or a change to
/// <see cref="Id"/>. Only the fields of its kind are read.</summary>
public sealed record OrganisationForm(OrganisationKind Kind, int? Id, int? Parent, string? Name)
{
    public string? NameEn { get; init; }
    public string? Window { get; init; }
    public string? Provider { get; init; }
    public List<string> Members { get; init; } = [];

    /// <summary>One option label a line; its code is made from the label and kept once given.</summary>
    public string? Options { get; init; }
}

public sealed record OrganisationProblem(string ResourceKey, params object[] Args);
