using Npgsql;
using NpgsqlTypes;

namespace Borgerpuls.Data.Bulk;

/// <summary>Binary COPY: PostgreSQL's bulk path. COPY inside a transaction is all-or-nothing like any statement.</summary>
internal sealed class PostgresResponseWriter(DatabaseSetup.Target target) : ResponseBulkWriter(target)
{
    private readonly NpgsqlConnection _connection = new(target.ConnectionString);

    protected override Task OpenAsync(CancellationToken ct) => _connection.OpenAsync(ct);

    public override async Task WriteAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct)
    {
        var delta = await DeltaAsync(rows, ct);
        await using var tx = await Aggregates.MaintenanceLock.BeginSharedAsync(_connection, ct);
        await using var invitations = new InvitationConsumer(_connection, tx);
        foreach (var invitation in rows.Select(r => r.InvitationTokenHash).OfType<string>())
        {
            await invitations.ConsumeAsync(invitation, ct);
        }
        await using (var copy = await _connection.BeginBinaryImportAsync("""
            COPY "Responses" ("Id","InstrumentVersionId","InstrumentId","CampaignId","Channel","SubmittedHour","JobCentreId","SiteId",
              "UnitId","OfferId","TargetGroupId","MeetingType","Language","Background","Answers","QualityFlags","ContentHash") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var (r, _) in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.InstrumentVersionId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.InstrumentId, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, r.CampaignId, ct);
                await copy.WriteAsync(r.Channel.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.SubmittedHour, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.JobCentreId, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, r.SiteId, ct);
                await WriteNullable(copy, r.UnitId, ct);
                await WriteNullable(copy, r.OfferId, ct);
                await WriteNullable(copy, r.TargetGroupId, ct);
                await WriteText(copy, r.MeetingType, ct);
                await copy.WriteAsync(r.Language, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(JsonColumn.Serialize(r.Background), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(JsonColumn.Serialize(r.Answers), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.QualityFlags.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.ContentHash, NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
        if (rows.Any(r => r.Comments.Count > 0))
        {
            await using var copy = await _connection.BeginBinaryImportAsync("""
                COPY "Comments" ("PublicId","ResponseId","InstrumentId","QuestionKey","Text","Themes","SubmittedHour","Channel","JobCentreId","SiteId","UnitId","TargetGroupId","Hidden")
                FROM STDIN (FORMAT BINARY)
                """, ct);
            foreach (var (r, comments) in rows)
            {
                foreach (var k in comments)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(k.PublicId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(k.InstrumentId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(k.QuestionKey, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(k.Text, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(JsonColumn.Serialize(k.Themes), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(k.SubmittedHour, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(k.Channel.ToString(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(k.JobCentreId, NpgsqlDbType.Integer, ct);
                    await WriteNullable(copy, k.SiteId, ct);
                    await WriteNullable(copy, k.UnitId, ct);
                    await WriteNullable(copy, k.TargetGroupId, ct);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        var generation = await Aggregates.AggregateWriter.WriteAsync(_connection, tx, delta, ct);
        var denominators = await InvitationsUsedAsync(invitations.Uses, tx, ct);
        await tx.CommitAsync(ct);
        Committed(delta, generation);
        Committed(invitations.Uses, denominators);
    }

    private static Task WriteNullable(NpgsqlBinaryImporter copy, int? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct);

    private static Task WriteText(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct);

    public override async Task<Dictionary<Guid, string>> StoredHashesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand("""SELECT "Id", "ContentHash" FROM "Responses" WHERE "Id" = ANY(@ids)""", _connection);
        query.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids.ToArray());
        var stored = new Dictionary<Guid, string>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored[reader.GetGuid(0)] = reader.GetString(1);
        }
        return stored;
    }

    protected override System.Data.Common.DbConnection Connection => _connection;

    public override async ValueTask DisposeAsync()
    {
        await DisposeLoadAsync();
        await _connection.DisposeAsync();
    }
}
