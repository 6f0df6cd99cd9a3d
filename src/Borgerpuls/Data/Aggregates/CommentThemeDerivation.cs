using System.Data.Common;
using Borgerpuls.Analysis.Themes;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Classifies every stored comment again, stores the themes that changed and replaces the theme cells: the
/// backfill after an upgrade, the repair in <c>aggregates rebuild</c> and the consequence of a changed lexicon.</summary>
internal static class CommentThemeDerivation
{
    /// <summary>Runs inside the caller's transaction; <paramref name="reader"/> streams the comments on its own connection.
    /// The theme cells are emptied here and their new counts collected into <paramref name="counts"/> for the caller to write.
    /// Returns how many comments' themes changed.</summary>
    public static async Task<long> RunAsync(BorgerpulsDb reader, DbConnection connection, DbTransaction tx, ThemeLexicon lexicon, ThemeCounts counts, CancellationToken ct)
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

        long changed = 0;
        await foreach (var comment in reader.Comments.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var derived = lexicon.Classify(comment.Text);
            if (!derived.SequenceEqual(comment.Themes))
            {
                comment.Themes = [.. derived];
                themes.Value = JsonColumn.Serialize(comment.Themes);
                id.Value = comment.Id;
                await update.ExecuteNonQueryAsync(ct);
                changed++;
            }
            if (!comment.Hidden)
            {
                counts.Add(comment);
            }
        }
        return changed;
    }
}
