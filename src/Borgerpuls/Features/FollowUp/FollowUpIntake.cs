using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Borgerpuls.Data;
using Borgerpuls.Localization;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.FollowUp;

/// <summary>A refused field and the citizen text that says why (<c>Citizen.FollowUp.*</c>).</summary>
public sealed record FollowUpError(string Field, string Key);

/// <summary>What the citizen typed, and where it goes (resolved from the channel by the caller).</summary>
public sealed record FollowUpInput(Guid Token, int JobCentreId, int? SiteId, string? Name, string? Phone, string? Message, bool Consent);

/// <summary>Validates and stores a follow-up request: every problem at once, nothing stored unless all is well, and one row
/// however often the same form (the same token) is sent, also at the same moment.</summary>
public static partial class FollowUpIntake
{
    public const int NameMax = 200;
    public const int MessageMax = 2000;

    /// <summary>Spaces, dashes, dots and brackets people type in phone numbers.</summary>
    [GeneratedRegex(@"[\s\-.()/]")]
    private static partial Regex Separators();

    /// <summary>A Danish number (8 digits, with or without +45/0045) or any number with a country code (E.164: + and 7 to 15 digits).</summary>
    [GeneratedRegex(@"^(\d{8}|\+[1-9]\d{6,14})$")]
    private static partial Regex PhonePattern();

    /// <summary>The phone number as stored ("12345678" or "+4670…"), or null when it is not one.</summary>
    public static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var compact = Separators().Replace(phone.Trim(), "");
        if (compact.StartsWith("00", StringComparison.Ordinal)) compact = "+" + compact[2..];
        if (compact.StartsWith("+45", StringComparison.Ordinal) && compact.Length == 11) compact = compact[3..];
        return PhonePattern().IsMatch(compact) ? compact : null;
    }

    public static IReadOnlyList<FollowUpError> Validate(FollowUpInput input)
    {
        var errors = new List<FollowUpError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("name", "Citizen.FollowUp.NameRequired"));
        else if (name.Length > NameMax) errors.Add(new("name", "Citizen.FollowUp.NameTooLong"));
        if (NormalisePhone(input.Phone) is null) errors.Add(new("phone", "Citizen.FollowUp.PhoneInvalid"));
        if (input.Message?.Trim().Length > MessageMax) errors.Add(new("message", "Citizen.FollowUp.MessageTooLong"));
        if (!input.Consent) errors.Add(new("consent", "Citizen.FollowUp.ConsentRequired"));
        // A token the page did not make (blank, or not random) cannot make a second send a no-op.
        if (input.Token == Guid.Empty || input.Token.Version != 4) errors.Add(new("token", "Citizen.FollowUp.NotSent"));
        return errors;
    }

    /// <returns>The refused fields (nothing stored), or none: stored now or by an earlier send of the same form.</returns>
    public static async Task<IReadOnlyList<FollowUpError>> SubmitAsync(BorgerpulsDb db, FollowUpInput input, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return errors;
        var name = input.Name!.Trim();
        var phone = NormalisePhone(input.Phone)!;
        // The message goes through the comments' redaction: a CPR number (or a second phone number or an e-mail address) typed
        // into it is not kept; the number to call back is the phone field.
        var message = string.IsNullOrWhiteSpace(input.Message) ? null : Security.Redaction.CommentRedactor.Redact(input.Message.Trim()).Text;
        // Only the Danish date: the time of day would line the request up with the response given a minute before.
        var day = DanishTime.Today(clock);
        var open = nameof(Domain.FollowUpStatus.Open);
        // One statement, so two copies sent at once cannot both insert; on SQLite the row gets a random rowid, so the file does
        // not keep the order requests came in either (as for invitations, ADR 0007).
        var (rowidColumn, rowidValue) = db.Provider == DatabaseProvider.Sqlite ? ("rowid,", "random(),") : ("", "");
        var insert = $$"""
            INSERT INTO "FollowUpRequests" ({{rowidColumn}}"Id","CreatedOn","JobCentreId","SiteId","Name","Phone","Message","Status")
            VALUES ({{rowidValue}}{0},{1},{2},{3},{4},{5},{6},{7})
            ON CONFLICT ("Id") DO NOTHING
            """;
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(insert, input.Token, day, input.JobCentreId, input.SiteId, name, phone, message, open), ct);
        return [];
    }
}
