using System.Globalization;
using System.Text;
using Borgerpuls.Domain;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Alerts;

/// <summary>The text of an alert mail, from the resources: per alert only the rule's name, the scope, the figure, its base,
/// the time window and a link — no answer, no comment, no person. One alert or a digest of several.</summary>
public static class AlertMailText
{
    /// <param name="meanTargets">The scopes (<c>target:KEY</c>) of targets on a mean, whose value is not a share.</param>
    public static OutgoingMail Render(string to, IReadOnlyList<(AlertRule Rule, AlertEvent Event)> alerts, string baseUrl, CultureInfo culture,
        IReadOnlySet<string>? meanTargets = null)
    {
        string T(string key) => SharedTexts.Get(key, culture);
        var subject = alerts.Count == 1
            ? SharedTexts.Format(culture, "Alerts.Mail.Subject", alerts[0].Rule.Name, alerts[0].Event.SubjectName)
            : SharedTexts.Format(culture, "Alerts.Mail.DigestSubject", alerts.Count);
        var body = new StringBuilder();
        body.AppendLine(alerts.Count == 1 ? T("Alerts.Mail.Intro") : T("Alerts.Mail.DigestIntro")).AppendLine();
        foreach (var (rule, alert) in alerts)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{T("Alerts.Mail.Rule")}: {rule.Name}");
            body.AppendLine(CultureInfo.InvariantCulture, $"{T("Alerts.Mail.Scope")}: {alert.SubjectName}");
            if (Figure(rule, alert, culture, meanTargets?.Contains(rule.Scope) == true) is { } figure) body.AppendLine(CultureInfo.InvariantCulture, $"{T("Alerts.Mail.Figure")}: {figure}");
            if (alert.Base is { } n) body.AppendLine(CultureInfo.InvariantCulture, $"{T("Alerts.Mail.Base")}: {n.ToString("N0", culture)}");
            var to_ = alert.WindowTo ?? alert.RaisedAt;
            var window = alert.WindowFrom is { } from ? $"{DanishTime.Format(Utc(from), culture)} – {DanishTime.Format(Utc(to_), culture)}" : DanishTime.Format(Utc(to_), culture);
            body.AppendLine(CultureInfo.InvariantCulture, $"{T("Alerts.Mail.Window")}: {window}");
            body.AppendLine(CultureInfo.InvariantCulture, $"{T("Alerts.Mail.Link")}: {baseUrl.TrimEnd('/')}{Page(rule)}");
            body.AppendLine();
        }
        body.AppendLine(T("Alerts.Mail.Footer"));
        return new OutgoingMail(to, subject, body.ToString());
    }

    /// <summary>The figure in words: a share in whole per cent against the rule's level, a target's value, the hours a kiosk
    /// has been silent, the answers a device has had refused.</summary>
    private static string? Figure(AlertRule rule, AlertEvent alert, CultureInfo culture, bool mean)
    {
        if (alert.Figure is not { } value) return null;
        return rule.Kind switch
        {
            AlertKind.NegativeShare => SharedTexts.Format(culture, "Alerts.Mail.FigureNegative", Percent(value, culture), Percent(rule.Level, culture)),
            AlertKind.TargetBelow => SharedTexts.Format(culture, "Alerts.Mail.FigureTarget", mean ? value.ToString("N2", culture) : Percent(value, culture)),
            AlertKind.SilentKiosk => SharedTexts.Format(culture, "Alerts.Mail.FigureSilent", value.ToString("N1", culture)),
            _ => SharedTexts.Format(culture, "Alerts.Mail.FigureRejected", value.ToString("N0", culture)),
        };
    }

    public static string Percent(double share, CultureInfo culture) => Charts.ChartFormat.Percent(share, culture);

    private static string Page(AlertRule rule) => rule.Kind switch
    {
        AlertKind.SilentKiosk or AlertKind.FailingDevice => "/admin/devices",
        AlertKind.TargetBelow => "/targets",
        _ => "/dashboard",
    };

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
