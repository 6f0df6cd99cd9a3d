namespace Borgerpuls.Data.Aggregates;

/// <summary>The in-memory aggregates of one database, held by its <see cref="BorgerpulsDbFactory"/> (its
/// <see cref="BorgerpulsDbFactory.Aggregates"/>), so there is one pair per database and host: the web app's singleton factory
/// holds one, a command-line verb's factory one for its run. A writer that holds none still bumps the generation counters,
/// so every holder catches up on its next read.</summary>
public sealed record AggregateStores(AggregateStore Cells, DenominatorStore Denominators)
{
    public AggregateStores(BorgerpulsDbFactory databases) : this(new AggregateStore(databases), new DenominatorStore(databases))
    {
    }
}
