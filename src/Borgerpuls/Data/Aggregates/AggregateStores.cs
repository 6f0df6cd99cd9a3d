namespace Borgerpuls.Data.Aggregates;

/// <summary>The in-memory aggregates of one database, owned by whoever hosts them: the web app holds one pair as a
/// singleton, a command-line verb creates one for its run. A writer that holds none still bumps the generation counters,
/// so every holder catches up on its next read.</summary>
public sealed record AggregateStores(AggregateStore Cells, DenominatorStore Denominators)
{
    public AggregateStores(BorgerpulsDbFactory databases) : this(new AggregateStore(databases), new DenominatorStore(databases))
    {
    }
}
