using Borgerpuls.Domain;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Admin;

/// <summary>What the administrator looks for in the audit log: whose actions (part of an e-mail address), which kind, and
/// which Danish days — applied alike to the page and to the CSV download.</summary>
public sealed record AuditFilter(string? Who, string? What, DateOnly? From, DateOnly? To)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        // Lower-casing both sides is what EF translates to SQL on SQLite and PostgreSQL alike (a StringComparison is not).
#pragma warning disable CA1862
        if (Who?.Trim().ToLowerInvariant() is { Length: > 0 } who) entries = entries.Where(e => e.Actor.ToLower().Contains(who));
#pragma warning restore CA1862
        if (What is { Length: > 0 } what) entries = entries.Where(e => e.Action == what);
        // A day is a Danish calendar day: its first instant in UTC, summer time included.
        if (From is { } from) { var since = StartOf(from); entries = entries.Where(e => e.At >= since); }
        if (To is { } to) { var until = StartOf(to.AddDays(1)); entries = entries.Where(e => e.At < until); }
        return entries;
    }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Who) && string.IsNullOrEmpty(What) && From is null && To is null;

    /// <summary>The filter as query string fields, for paging links and the CSV link.</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        if (!string.IsNullOrWhiteSpace(Who)) yield return ("who", Who.Trim());
        if (!string.IsNullOrEmpty(What)) yield return ("what", What);
        if (From is { } from) yield return ("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (To is { } to) yield return ("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DanishTime.Zone);
}
