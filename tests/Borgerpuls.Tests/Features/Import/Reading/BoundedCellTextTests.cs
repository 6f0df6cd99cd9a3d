using Borgerpuls.Features.Import.Reading;

namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class BoundedCellTextTests
{
    private static BoundedCellText Collect(int max, bool decode, params string[] chunks)
    {
        var text = new BoundedCellText(max);
        text.Start(decode);
        foreach (var chunk in chunks) text.Append(chunk);
        text.End();
        return text;
    }

    [Theory]
    [InlineData("god service_x000D_\nmen", "god service\r\nmen")]
    [InlineData("_x005F_x0041_ er tekst", "_x0041_ er tekst")]
    [InlineData("__x0041_", "_A")]
    [InlineData("_x_x0042_", "_xB")]
    [InlineData("_x00G1_", "_x00G1_")]
    [InlineData("slut_x004", "slut_x004")]
    [InlineData("_x0041__", "A_")]
    public void Escapes_decode_the_same_however_the_text_is_split_into_chunks(string raw, string expected)
    {
        for (var split = 0; split <= raw.Length; split++)
        {
            for (var second = split; second <= raw.Length; second++)
            {
                var text = Collect(100, decode: true, raw[..split], raw[split..second], raw[second..]);
                Assert.Equal(expected, text.Text());
                Assert.Equal(expected.Length, text.Length);
            }
        }
    }

    [Fact]
    public void Values_that_are_not_strings_are_not_decoded()
    {
        Assert.Equal("_x0041_", Collect(100, decode: false, "_x0041_").Text());
    }

    [Fact]
    public void Beyond_the_limit_text_is_counted_not_kept()
    {
        var exact = Collect(5, decode: true, "ab", "cde");
        Assert.False(exact.TooLong);
        Assert.Equal("abcde", exact.Text());

        var over = Collect(5, decode: true, "abc", "_x0044_", "ef", new string('g', 1000));
        Assert.True(over.TooLong);
        Assert.Equal(1006, over.Length);
        Assert.Equal("abcDe", over.Text());
        Assert.True(over.HasContent);

        var blank = Collect(5, decode: true, new string(' ', 1000), "\t");
        Assert.True(blank.TooLong);
        Assert.False(blank.HasContent);
    }
}
