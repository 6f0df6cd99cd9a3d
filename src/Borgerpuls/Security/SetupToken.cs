using System.Security.Cryptography;
using System.Text;

namespace Borgerpuls.Security;

/// <summary>The one-time link that lets the first person create the first administrator when no bootstrap admin is configured
/// (as Jenkins and Grafana do) — never a default password. It lives only in memory and dies with its first use; taking it is
/// atomic, so two posts of the same link at the same moment create one administrator, not two.</summary>
public sealed class SetupToken
{
    private string? _token;

    public string Issue() => _token = SecretKeys.New(24);

    public bool IsOpen => _token is not null;

    public bool Matches(string? candidate) => Same(Volatile.Read(ref _token), candidate);

    /// <summary>Takes the token if the candidate matches and nobody took it first; give it back with <see cref="Return"/> when
    /// the account could not be created (a weak password), so that the link still works for a second try.</summary>
    public bool TryTake(string? candidate)
    {
        var token = Volatile.Read(ref _token);
        return Same(token, candidate) && Interlocked.CompareExchange(ref _token, null, token) == token;
    }

    public void Return(string token) => Interlocked.CompareExchange(ref _token, token, null);

    private static bool Same(string? token, string? candidate) =>
        token is not null && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(candidate));
}
