namespace Borgerpuls.Security.Anonymity;

/// <summary>The respondent sets one request is about to show a guarded viewer, written by the query layer as it decides what
/// is shown (every shown group, and what the shown groups add up to) and checked by <see cref="DisclosureGuard"/> before
/// anything is sent.</summary>
public sealed class DisclosureLedger
{
    private readonly List<(int InstrumentId, RespondentSet Set)> _sets = [];
    private readonly List<Func<Task>> _whenShown = [];

    public void Add(int instrumentId, RespondentSet set)
    {
        if (set.Respondents == 0) return;
        lock (_sets) _sets.Add((instrumentId, set));
    }

    /// <summary>A caller that hides a figure after the query (e.g. the dashboard's trend lines against their total) takes
    /// its set back, so that only what is shown is checked and remembered.</summary>
    public void Withdraw(RespondentSet set)
    {
        lock (_sets) _sets.RemoveAll(s => ReferenceEquals(s.Set, set));
    }

    /// <summary>Work that must happen only if the output is actually sent, such as its audit entry: run by the guard's caller
    /// after the check passed, never for a refused output.</summary>
    public void WhenShown(Func<Task> work)
    {
        lock (_whenShown) _whenShown.Add(work);
    }

    public async Task ShownAsync()
    {
        List<Func<Task>> work;
        lock (_whenShown) { work = [.. _whenShown]; _whenShown.Clear(); }
        foreach (var w in work) await w();
    }

    public IReadOnlyList<(int InstrumentId, RespondentSet Set)> Sets
    {
        get { lock (_sets) return _sets.ToList(); }
    }
}
