namespace Borgerpuls.Features.Import.Reading;

/// <summary>Row problems of one file, kept up to a cap and counted beyond it.</summary>
internal sealed class ProblemLog(int capacity)
{
    private readonly List<ReadProblem> problems = [];

    public IReadOnlyList<ReadProblem> Problems => problems;

    public int Count { get; private set; }

    public void Add(ReadProblem problem)
    {
        Count++;
        if (problems.Count < capacity) problems.Add(problem);
    }
}
