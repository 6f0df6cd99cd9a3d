using Borgerpuls.Features.Import.Reading;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>Everything a wide file yielded, read to the end (so <see cref="Problems"/> is complete).</summary>
internal sealed record ReadOutcome(IReadOnlyList<string> Header, IReadOnlyList<WideRow> Rows, IReadOnlyList<ReadProblem> Problems, int ProblemCount, string Description)
{
    public static ReadOutcome Of(byte[] bytes, string fileName, ReadLimits? limits = null) => Of(new MemoryStream(bytes), fileName, limits);

    public static ReadOutcome Of(Stream stream, string fileName, ReadLimits? limits = null)
    {
        using (stream)
        using (var file = WideFileReader.Open(stream, fileName, limits ?? ReadLimits.Default))
        {
            var rows = file.Rows.ToList();
            return new ReadOutcome(file.Header.ToList(), rows, file.Problems.ToList(), file.ProblemCount, file.Description.ToString());
        }
    }

    public static ImportFileException Failure(byte[] bytes, string fileName, ReadLimits? limits = null) =>
        Assert.Throws<ImportFileException>(() => Of(bytes, fileName, limits));
}
