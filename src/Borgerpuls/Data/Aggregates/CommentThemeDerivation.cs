using System.Data.Common;
using Borgerpuls.Analysis.Themes;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Classifies every stored comment again, stores the themes that changed and replaces the theme cells: the
/// backfill after an upgrade, the repair in <c>aggregates rebuild</c> and the consequence of a changed lexicon.</summary>
internal static class CommentThemeDerivation
{
    /// <summary>Runs inside the caller's transaction, on <paramref name="db"/>'s connection: the comments are streamed first and
    /// the changed themes written after (one connection runs one command at a time). The theme cells are emptied here and their new counts collected into <paramref name="counts"/> for the caller to write.
    /// Returns how many comments' themes changed.</summary>
    public static async Task<long> RunAsync(BorgerpulsDb db, DbConnection connection, DbTransaction tx, ThemeLexicon lexicon, ThemeCounts counts, CancellationToken ct)
    {
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = tx;
            clear.CommandText = """DELETE FROM "ThemeCells" """;
            await clear.ExecuteNonQueryAsync(ct);
        }
        await using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = """UPDATE "Comments" SET "Themes" = @themes WHERE "Id" = @id""";
        var themes = update.CreateParameter();
        themes.ParameterName = "@themes";
        update.Parameters.Add(themes);
        var id = update.CreateParameter();
        id.ParameterName = "@id";
        update.Parameters.Add(id);

        var changed = new List<(long Id, string Themes)>();
        await foreach (var comment in db.Comments.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var derived = lexicon.Classify(comment.Text);
            if (!derived.SequenceEqual(comment.Themes))
            {
                comment.Themes = [.. derived];
                changed.Add((comment.Id, JsonColumn.Serialize(comment.Themes)));
            }
            if (!comment.Hidden)
            {
                counts.Add(comment);
            }
        }
        foreach (var (commentId, json) in changed)
        {
            themes.Value = json;
            id.Value = commentId;
            await update.ExecuteNonQueryAsync(ct);
        }
        return changed.Count;
    }
}
