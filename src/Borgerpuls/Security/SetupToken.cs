using System.Security.Cryptography;
using System.Text;

namespace Borgerpuls.Security;

/// <summary>The one-time link that lets the first person create the first administrator when no bootstrap admin is configured
/// (as Jenkins and Grafana do) — never a default password. It lives only in memory and dies with its first use.</summary>
public sealed class SetupToken
{
    private string? _token;

    public string Issue() => _token = SecretKeys.New(24);

    public bool IsOpen => _token is not null;

    public bool Consume(string? candidate)
    {
        var token = _token;
        if (token is null || candidate is null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(candidate)))
        {
            return false;
        }
        _token = null;
        return true;
    }

    public bool Matches(string? candidate) =>
        _token is { } token && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(candidate));
}
