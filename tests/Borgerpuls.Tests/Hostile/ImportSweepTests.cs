using System.Text;
using Borgerpuls.Features.Import;
using Borgerpuls.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Hostile;

/// <summary>Survey files broken the ways files from other tools and hands are broken: a cell replaced by nonsense, a line lost or
/// doubled, a header renamed, another delimiter, stray quotes, a cut-off end, another encoding. The import either takes the
/// whole file or refuses it with problems by line — never a crash, never half a file.</summary>
public sealed class ImportSweepTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _dir = null!;
    private readonly Dictionary<string, int> _seen = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _dir = Directory.CreateTempSubdirectory("borgerpuls-sweep-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A valid file with respondent ids new to the database each time.</summary>
    private static string ValidFile()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return $"""
            respondent_id;submitted_at;jobcenter;site;target_group;samtale;behandling;spoerge
            {run}-1;2025-03-14;jc-nord;nordvej;jobparat;5;Meget godt;i høj grad
            {run}-2;14-03-2025;Jobcenter Aabæk Nord;Nordvej;Jobparate;Tilfreds;4;Ved ikke
            {run}-3;2025-03-15T10:30;jc-nord;nordvej;aktivitetsparat;1;  meget dårligt ;I LAV GRAD
            {run}-4;2025-03-16;jc-centrum;;dagpenge;3;3;3
            """;
    }

    private sealed record Damage(int Kind, int Line, int Cell, string Text);

    private static Gen<Damage> OneDamage =>
        from kind in Gen.Choose(0, 11)
        from line in Gen.Choose(0, 100)
        from cell in Gen.Choose(0, 100)
        from text in Gen.OneOf(HostileValues.Text, Gen.Elements("\"", "a;b", "\"uafsluttet", "x\ny", ";;;", "\r", "ja\"nej"))
        select new Damage(kind, line, cell, text);

    private static Gen<(string Text, bool Latin1)> Files =>
        from valid in Gen.Fresh(ValidFile)
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3)))
        from damages in Gen.ListOf(OneDamage, count)
        from latin1 in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (Apply(valid, damages), latin1);

    private static string Apply(string text, IEnumerable<Damage> damages)
    {
        var lines = text.Split('\n').ToList();
        foreach (var d in damages)
        {
            var i = d.Line % lines.Count;
            var cells = lines[i].Split(';');
            var c = d.Cell % cells.Length;
            switch (d.Kind)
            {
                case 0 or 1 or 2: cells[c] = d.Text; lines[i] = string.Join(';', cells); break;
                case 3: lines.RemoveAt(i); if (lines.Count == 0) lines.Add(""); break;
                case 4: lines.Insert(i, lines[i]); break;
                case 5: lines[i] = string.Join(',', cells); break;
                case 6: lines[i] = lines[i][..(d.Cell % (lines[i].Length + 1))]; break;
                case 7: lines.Insert(i, d.Text); break;
                case 8: lines[i] = string.Join(';', cells.Take(c).Concat(cells.Skip(c + 1))); break;
                case 9: lines[i] = lines[i] + ";" + d.Text; break;
                // Harmless to a reader: Windows line ends, spaces around a value.
                case 10: lines[i] = lines[i] + "\r"; break;
                default: cells[c] = " " + cells[c] + " "; lines[i] = string.Join(';', cells); break;
            }
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public void A_damaged_file_is_imported_whole_or_refused_by_line_with_nothing_written()
    {
        var property = Prop.ForAll(Files.ToArbitrary(), file => Holds(file.Text, file.Latin1).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileValues.Cases(80)), property);
        Assert.True(_seen.GetValueOrDefault("imported") > 3 && _seen.GetValueOrDefault("refused") > 10, string.Join(", ", _seen.Select(s => $"{s.Key}: {s.Value}")));
    }

    private async Task Holds(string text, bool latin1)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, (latin1 ? Encoding.Latin1 : Encoding.UTF8).GetBytes(text));
        var before = await CountAsync();
        try
        {
            var summary = await Importer.RunAsync(_database.Factory, path, new ImportOptions("vive-7"), DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.True(await CountAsync() - before == summary.Imported, $"{summary.Imported} reported, {await CountAsync() - before} written for:\n{text}");
            Assert.Equal(summary.Rows, summary.Imported + summary.Skipped);
            _seen["imported"] = _seen.GetValueOrDefault("imported") + 1;
        }
        catch (ImportRejectedException rejected)
        {
            Assert.NotEmpty(rejected.Errors);
            // Said in both languages, each from a resource (an unknown key would come back as itself).
            Assert.All(rejected.Errors, e => Assert.True(e.Line >= 1 && new[] { "da", "en" }.Select(c => e.Text(System.Globalization.CultureInfo.GetCultureInfo(c)))
                .All(t => !string.IsNullOrWhiteSpace(t) && !t.StartsWith("Import.Error.", StringComparison.Ordinal) && !t.StartsWith("Submission.", StringComparison.Ordinal)), e.ToString()));
            Assert.True(await CountAsync() == before, $"refused but written:\n{text}");
            _seen["refused"] = _seen.GetValueOrDefault("refused") + 1;
        }
        catch (ImportFileException unreadable)
        {
            Assert.False(string.IsNullOrWhiteSpace(unreadable.Message));
            Assert.True(await CountAsync() == before, $"unreadable but written:\n{text}");
            _seen["unreadable"] = _seen.GetValueOrDefault("unreadable") + 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<int> CountAsync()
    {
        await using var db = _database.Open();
        return await db.Responses.CountAsync();
    }
}
