using System.ComponentModel;
using System.Text.Json;

namespace Borgerpuls.Features.Ingest;

/// <summary>The wire format of <c>POST /api/v1/responses</c> (SPEC §6).</summary>
public sealed record ResponseSubmission
{
    public Guid Id { get; init; }
    public string? Instrument { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public SubmissionContext? Context { get; init; }
    public Dictionary<string, JsonElement>? Answers { get; init; }

    /// <summary>Open web link: the campaign the citizen answers (channel web).</summary>
    public string? Campaign { get; init; }

    /// <summary>Kiosk only: when the same kiosk's previous press happened, as the kiosk recorded it (ADR 0004). It decides the
    /// repeat flag and is then dropped: it is never stored and not part of the content hash.</summary>
    [Description("Kiosks only: the time (ISO 8601 with offset, milliseconds) of the same kiosk's previous press, as the kiosk recorded it; absent for its first press. The response is flagged kiosk-repeat iff 0 <= answeredAt - previousPressAt < the site's repeat window. Never stored; refused on other channels.")]
    public DateTimeOffset? PreviousPressAt { get; init; }
}

public sealed record SubmissionContext
{
    public string? Jobcentre { get; init; }
    public string? Site { get; init; }
    public string? Unit { get; init; }
    public string? Offer { get; init; }
    public string? TargetGroup { get; init; }
    public string? MeetingType { get; init; }
    public string? Language { get; init; }
    public Dictionary<string, string>? Background { get; init; }
}

/// <summary>What the server answers for each stored response: <c>created</c> the first time, <c>duplicate</c> for a retry.</summary>
public sealed record Acknowledgement(Guid Id, string Status);
