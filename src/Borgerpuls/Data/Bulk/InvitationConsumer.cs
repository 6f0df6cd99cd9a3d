using System.Data.Common;
using System.Globalization;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;

namespace Borgerpuls.Data.Bulk;

/// <summary>Marks invitations used inside a response batch's transaction and collects the denominators that adds (one
/// invitation used in its meeting's cell), so that the response and its invitation's use are committed together.
/// The same SQL on SQLite and PostgreSQL; the statement is built once per batch.</summary>
internal sealed class InvitationConsumer(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private DbCommand? _consume;

    public DenominatorDelta Uses { get; } = new();

    /// <exception cref="InvitationAlreadyUsedException">The invitation is unknown or was used in the meantime.</exception>
    public async Task ConsumeAsync(string tokenHash, CancellationToken ct)
    {
        if (_consume is null)
        {
            _consume = connection.CreateCommand();
            _consume.Transaction = transaction;
            _consume.CommandText = """
                UPDATE "Invitations" SET "Used" = TRUE WHERE "TokenHash" = @hash AND NOT "Used"
                RETURNING "InstrumentId","MeetingDate","JobCentreId","SiteId","UnitId","TargetGroupId","ReferredBy"
                """;
            var p = _consume.CreateParameter();
            p.ParameterName = "@hash";
            _consume.Parameters.Add(p);
        }
        _consume.Parameters[0].Value = tokenHash;
        await using var reader = await _consume.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvitationAlreadyUsedException(tokenHash);
        }
        int? Optional(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
        Uses.Used(new Invitation
        {
            TokenHash = tokenHash, InstrumentId = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), MeetingDate = Date(reader.GetValue(1)),
            JobCentreId = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), SiteId = Optional(3), UnitId = Optional(4), TargetGroupId = Optional(5),
            ReferredBy = reader.IsDBNull(6) ? null : reader.GetString(6),
        });
    }

    /// <summary>SQLite returns a date as the text EF wrote ("yyyy-MM-dd"), PostgreSQL as a date value.</summary>
    private static DateOnly Date(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected meeting date {value}."),
    };

    public async ValueTask DisposeAsync()
    {
        if (_consume is not null) await _consume.DisposeAsync();
    }
}
