using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.DemoData;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_data_covers_every_channel_instrument_and_target_group_over_two_years()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await CliRunner.RunAsync("demo-data", "--responses", "6000", "--db", database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Generated 6,000 responses", result.Output);
        await using var db = database.Open();
        Assert.Equal(6000, await db.Responses.CountAsync());
        Assert.Equal(3, await db.JobCentres.CountAsync());
        var channels = await db.Responses.Select(r => r.Channel).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<Channel>().Order(), channels.Order());
        Assert.Equal(4, await db.Responses.Select(r => r.InstrumentId).Distinct().CountAsync());
        Assert.Equal(9, await db.Responses.Where(r => r.TargetGroupId != null).Select(r => r.TargetGroupId).Distinct().CountAsync());
        var first = await db.Responses.MinAsync(r => r.SubmittedHour);
        var last = await db.Responses.MaxAsync(r => r.SubmittedHour);
        Assert.InRange((last - first).TotalDays, 700, 731);
        Assert.True(await db.Comments.CountAsync() > 50);
        Assert.True(await db.Responses.CountAsync(r => r.QualityFlags == ResponseQuality.KioskRepeat) > 0);
    }

    [Fact]
    public async Task Bulk_written_responses_read_back_through_ef_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "300", "--db", database.Value);
        await using var db = database.Open();

        var response = await db.Responses.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
        var again = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == response.Id);
        Assert.Equal(response.Answers.Keys, again.Answers.Keys);
        Assert.Equal(DateTimeKind.Utc, DateTime.SpecifyKind(response.SubmittedHour, DateTimeKind.Utc).Kind);
        Assert.Equal(0, response.SubmittedHour.Minute);
        Assert.Equal(0, response.SubmittedHour.Second);
        Assert.NotEmpty(response.Answers);
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync();
        if (comment is not null)
        {
            Assert.True(await db.Responses.AnyAsync(r => r.Id == comment.ResponseId));
        }
    }

    [Fact]
    public async Task Same_seed_gives_the_same_figures()
    {
        await using var a = await TestDatabase.CreateAsync();
        await using var b = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "500", "--seed", "7", "--db", a.Value);
        await CliRunner.RunAsync("demo-data", "--responses", "500", "--seed", "7", "--db", b.Value);
        await using var dbA = a.Open();
        await using var dbB = b.Open();

        static async Task<List<string>> Fingerprint(Borgerpuls.Data.BorgerpulsDb db) =>
            (await db.Responses.AsNoTracking().Select(r => new { r.SubmittedHour, r.Answers, r.Channel }).ToListAsync())
            .Select(r => $"{r.SubmittedHour:O}|{r.Channel}|{string.Join(",", r.Answers.OrderBy(x => x.Key).Select(x => x.Key + "=" + string.Join("+", x.Value)))}")
            .Order().ToList();

        Assert.Equal(await Fingerprint(dbA), await Fingerprint(dbB));
    }

    [Fact]
    public async Task Rejects_a_negative_count()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await CliRunner.RunAsync("demo-data", "--responses", "-5", "--db", database.Value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--responses must be between", result.Error);
    }
}
