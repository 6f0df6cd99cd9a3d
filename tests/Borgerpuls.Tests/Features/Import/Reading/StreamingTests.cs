using Borgerpuls.Features.Import.Reading;

namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class StreamingTests
{
    [Fact]
    public void The_first_rows_of_an_endless_stream_arrive()
    {
        var stream = new GeneratedCsvStream(rows: null);
        using var file = WideFileReader.Open(stream, "endless.csv", ReadLimits.Default);
        var first = file.Rows.Take(3).ToList();
        Assert.Equal(["respondent_id", "site", "q1", "q2"], file.Header);
        Assert.Equal([2, 3, 4], first.Select(r => r.Line));
        Assert.Equal("R1", first[0].Cells[0]);
        // Read ahead by a buffer or two, not by the file.
        Assert.True(stream.RowsProduced < 20_000, $"{stream.RowsProduced} rows were read ahead");
    }

    [Fact]
    public void The_row_limit_ends_an_endless_stream()
    {
        using var file = WideFileReader.Open(new GeneratedCsvStream(rows: null), "endless.csv", ReadLimits.Default with { MaxRows = 1_000 });
        var error = Assert.Throws<ImportFileException>(() => file.Rows.Count());
        Assert.Equal(1_002, error.Line);
    }

    [Fact]
    public void Two_hundred_thousand_rows_stream_through_with_their_lines()
    {
        using var file = WideFileReader.Open(new GeneratedCsvStream(rows: 200_000), "big.csv", ReadLimits.Default);
        var count = 0;
        var lastLine = 0;
        foreach (var row in file.Rows)
        {
            count++;
            Assert.Equal(lastLine == 0 ? 2 : lastLine + 1, row.Line);
            lastLine = row.Line;
        }
        Assert.Equal(200_000, count);
        Assert.Equal(200_001, lastLine);
        Assert.Empty(file.Problems);
    }
}
