using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

/// <summary>The database. One model for both providers; each provider has its own subclass so that each keeps its own
/// migrations (docs/decisions/0002-two-migration-sets.md).</summary>
public abstract class BorgerpulsDb(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<JobCentre> JobCentres => Set<JobCentre>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<TargetGroup> TargetGroups => Set<TargetGroup>();
    public DbSet<TargetGroupSet> TargetGroupSets => Set<TargetGroupSet>();
    public DbSet<BackgroundVariable> BackgroundVariables => Set<BackgroundVariable>();
    public DbSet<Scale> Scales => Set<Scale>();
    public DbSet<ScaleOption> ScaleOptions => Set<ScaleOption>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<InstrumentVersion> InstrumentVersions => Set<InstrumentVersion>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<InstrumentDraft> InstrumentDrafts => Set<InstrumentDraft>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<InvitationTally> InvitationTallies => Set<InvitationTally>();
    public DbSet<DeclinedHandOver> DeclinedHandOvers => Set<DeclinedHandOver>();
    public DbSet<PaperDistribution> PaperDistributions => Set<PaperDistribution>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Insight> Insights => Set<Insight>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<ServiceGoal> ServiceGoals => Set<ServiceGoal>();
    public DbSet<ServiceEvent> ServiceEvents => Set<ServiceEvent>();
    public DbSet<FollowUpRequest> FollowUpRequests => Set<FollowUpRequest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<Aggregates.AggregateCell> AggregateCells => Set<Aggregates.AggregateCell>();
    public DbSet<Aggregates.AggregateOption> AggregateOptions => Set<Aggregates.AggregateOption>();
    public DbSet<Aggregates.AggregatePair> AggregatePairs => Set<Aggregates.AggregatePair>();
    public DbSet<Aggregates.AggregateState> AggregateState => Set<Aggregates.AggregateState>();
    public DbSet<Aggregates.ThemeCell> ThemeCells => Set<Aggregates.ThemeCell>();
    public DbSet<Aggregates.ThemeLexiconState> ThemeLexiconState => Set<Aggregates.ThemeLexiconState>();
    public DbSet<Aggregates.DenominatorCell> DenominatorCells => Set<Aggregates.DenominatorCell>();
    public DbSet<Security.Anonymity.DisclosedSet> DisclosedSets => Set<Security.Anonymity.DisclosedSet>();
    public DbSet<TransparencySnapshot> TransparencySnapshots => Set<TransparencySnapshot>();

    /// <summary>The key ring that protects sign-in cookies and form tokens, shared by every instance (<see cref="Security.KeyRing"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SetupLink> SetupLinks => Set<SetupLink>();

    /// <summary>Files of the import wizard between its steps, shared by every instance (<see cref="Features.Import.WizardUploadStore"/>).</summary>
    public DbSet<Features.Import.WizardUpload> WizardUploads => Set<Features.Import.WizardUpload>();
    public DbSet<Features.Import.WizardUploadChunk> WizardUploadChunks => Set<Features.Import.WizardUploadChunk>();

    public abstract DatabaseProvider Provider { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable text: the database stays understandable to a municipality's own analysts.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BorgerpulsDb).Assembly);
    }

    // The audit log is append-only: no code path may change or remove an entry (retention deletes in bulk, outside tracking).
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAudit();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAudit();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void GuardAudit()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
    }
}
