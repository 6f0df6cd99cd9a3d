namespace Borgerpuls.Features.Alerts;

/// <summary>How mails leave the server (configuration section <c>Mail</c>, docs/operations.md): through an SMTP server, or
/// — for development — as .eml files in a pickup directory. The password comes from configuration or the environment
/// (<c>Mail__Smtp__Password</c>), never from the database.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender, e.g. <c>Borgerpuls &lt;borgerpuls@kommune.dk&gt;</c>.</summary>
    public string From { get; set; } = "Borgerpuls <borgerpuls@localhost>";

    /// <summary>A folder to write each mail to as an .eml file instead of sending it; wins over <see cref="Smtp"/>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PickupDirectory) || !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c> or <c>None</c> (only on a
    /// trusted network).</summary>
    public string Security { get; set; } = "StartTls";

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>How long a connection or command may take before the round gives up (and tries again next round).</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>The alert evaluation (configuration section <c>Alerts</c>, docs/alerts.md).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between evaluations.</summary>
    public int IntervalMinutes { get; set; } = 5;

    /// <summary>The Danish local hour at which the day's digest goes out.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>The address staff open Borgerpuls on, for the link in the mail, e.g. <c>https://borgerpuls.kommune.dk</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
}
