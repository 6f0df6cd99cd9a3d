using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Borgerpuls.Features.Alerts;

/// <summary>A plain-text mail to one recipient.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>Sends a mail or throws; the caller keeps the mail and tries again next round.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

internal static class MailMessages
{
    public static MimeMessage Create(MailOptions options, OutgoingMail mail) => new(
        [MailboxAddress.Parse(options.From)], [MailboxAddress.Parse(mail.To)], mail.Subject, new TextPart("plain") { Text = mail.Body });
}

/// <summary>Through the configured SMTP server (MailKit): one connection per mail, TLS as configured.</summary>
public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s
            : throw new InvalidOperationException($"Mail:Smtp:Security is '{smtp.Security}'; use StartTls, SslOnConnect, StartTlsWhenAvailable or None.");
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(MailMessages.Create(options, mail), ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>For development: each mail as an .eml file in the pickup directory, readable with any mail program.</summary>
public sealed class PickupDirectoryMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        Directory.CreateDirectory(options.PickupDirectory!);
        var path = Path.Combine(options.PickupDirectory!, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await MailMessages.Create(options, mail).WriteToAsync(path, ct);
    }
}
