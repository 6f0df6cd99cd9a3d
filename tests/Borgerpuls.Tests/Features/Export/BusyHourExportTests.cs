using System.Text;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.Export;

/// <summary>The respondent export reads whole hours at a time, about a batch of rows each; an hour busier than a batch is
/// read whole, in its place, with its comments.</summary>
public sealed class BusyHourExportTests
{
    [Fact]
    public async Task An_hour_with_more_rows_than_a_batch_is_exported_whole_between_its_neighbours()
    {
        // 6 000 rows in one hour (more than a batch of 5 000; the export never splits an hour), one row before and one after.
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var busy = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        await Responses.WriteAsync(database,
        [
            new Responses.Spec("borgeroplevelse-5", new() { ["hoert"] = "1" }) { Hour = busy.AddMonths(-1), Comment = "før" },
            .. Enumerable.Range(0, 6_000).Select(i => new Responses.Spec("borgeroplevelse-5", new() { ["hoert"] = "3" }) { Hour = busy, Comment = i == 5_999 ? "midt" : null }),
            new Responses.Spec("borgeroplevelse-5", new() { ["hoert"] = "5" }) { Hour = busy.AddMonths(1), Comment = "efter" },
        ]);
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var csv = Encoding.UTF8.GetString(await analyst.GetByteArrayAsync("/api/v1/export/responses?instrument=borgeroplevelse-5"));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';').Select(c => c.Trim('"')).ToArray()).ToList();
        var header = lines[0].ToList();
        var body = lines.Skip(1).ToList();
        int row = header.IndexOf("row"), month = header.IndexOf("month"), heard = header.IndexOf("hoert"), comment = header.IndexOf("kommentar");
        Assert.Equal(6_002, body.Count);
        Assert.Equal(Enumerable.Range(1, 6_002).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), body.Select(l => l[row]));
        Assert.Equal(["2025-05", "1", "før"], new[] { body[0][month], body[0][heard], body[0][comment] });
        Assert.All(body.Skip(1).Take(6_000), l => Assert.Equal(("2025-06", "3"), (l[month], l[heard])));
        Assert.Single(body, l => l[comment] == "midt");
        Assert.Equal(["2025-07", "5", "efter"], new[] { body[^1][month], body[^1][heard], body[^1][comment] });
    }
}
