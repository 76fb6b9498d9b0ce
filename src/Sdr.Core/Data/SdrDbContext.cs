using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sdr.Core.Data.Entities;
using Sdr.Core.Security;

namespace Sdr.Core.Data;

/// <summary>
/// The product's database. Each provider has its own subclass (and migrations):
/// <see cref="SqliteSdrDbContext"/> and <see cref="PostgresSdrDbContext"/>.
/// </summary>
public abstract class SdrDbContext : DbContext
{
    protected SdrDbContext(DbContextOptions options, FernetKeyRing keyRing)
        : base(options)
    {
        KeyRing = keyRing;
    }

    internal FernetKeyRing KeyRing { get; }

    public DbSet<SdrProspect> Prospects => Set<SdrProspect>();
    public DbSet<SdrOutreachSequence> Sequences => Set<SdrOutreachSequence>();
    public DbSet<SdrOutreachTouch> Touches => Set<SdrOutreachTouch>();
    public DbSet<SdrObjectionLog> ObjectionLogs => Set<SdrObjectionLog>();
    public DbSet<SdrDispatchDecision> DispatchDecisions => Set<SdrDispatchDecision>();
    public DbSet<SdrSuppression> Suppressions => Set<SdrSuppression>();
    public DbSet<SdrWebhookEvent> WebhookEvents => Set<SdrWebhookEvent>();
    public DbSet<SdrReply> Replies => Set<SdrReply>();
    public DbSet<SdrGhlAction> GhlActions => Set<SdrGhlAction>();
    public DbSet<SdrOutboundMessage> OutboundMessages => Set<SdrOutboundMessage>();
    public DbSet<SdrLlmCall> LlmCalls => Set<SdrLlmCall>();
    public DbSet<SdrSequenceEvent> SequenceEvents => Set<SdrSequenceEvent>();
    public DbSet<SdrBookingOffer> BookingOffers => Set<SdrBookingOffer>();
    public DbSet<SdrAlert> Alerts => Set<SdrAlert>();
    public DbSet<SdrAbTest> AbTests => Set<SdrAbTest>();
    public DbSet<SdrAbTestVariant> AbTestVariants => Set<SdrAbTestVariant>();
    public DbSet<SdrListing> Listings => Set<SdrListing>();
    public DbSet<SdrListingFeedCheckpoint> ListingFeedCheckpoints => Set<SdrListingFeedCheckpoint>();
    public DbSet<SdrEnrollmentJob> EnrollmentJobs => Set<SdrEnrollmentJob>();
    public DbSet<SdrEnrollmentJobItem> EnrollmentJobItems => Set<SdrEnrollmentJobItem>();
    public DbSet<SdrProspectingCycle> ProspectingCycles => Set<SdrProspectingCycle>();
    public DbSet<SdrProspectingCandidate> ProspectingCandidates => Set<SdrProspectingCandidate>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // The encryption converters capture the key ring, so the model is cached per ring.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, KeyRingModelCacheKeyFactory>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SdrDbContext).Assembly);

        var encrypted = new EncryptedStringConverter(KeyRing);
        modelBuilder.Entity<SdrOutreachTouch>().Property(t => t.MessageBody).HasConversion(encrypted);
        modelBuilder.Entity<SdrOutreachTouch>().Property(t => t.ReplyBody).HasConversion(encrypted);
        modelBuilder.Entity<SdrObjectionLog>().Property(o => o.RawMessage).HasConversion(encrypted);
        modelBuilder.Entity<SdrObjectionLog>().Property(o => o.RebuttalUsed).HasConversion(encrypted);
        modelBuilder.Entity<SdrProspect>().Property(p => p.Phone).HasConversion(encrypted);
        modelBuilder.Entity<SdrProspect>().Property(p => p.Profile).HasConversion(encrypted);
        modelBuilder.Entity<SdrWebhookEvent>().Property(e => e.Payload).HasConversion(encrypted);
        modelBuilder.Entity<SdrReply>().Property(r => r.Body).HasConversion(encrypted);
        modelBuilder.Entity<SdrGhlAction>().Property(a => a.Payload).HasConversion(encrypted);
        modelBuilder.Entity<SdrOutboundMessage>().Property(m => m.Body).HasConversion(encrypted);
        modelBuilder.Entity<SdrListing>().Property(l => l.OwnerFirstName).HasConversion(encrypted);
        modelBuilder.Entity<SdrListing>().Property(l => l.OwnerLastName).HasConversion(encrypted);
        modelBuilder.Entity<SdrListing>().Property(l => l.OwnerPhone).HasConversion(encrypted);
        modelBuilder.Entity<SdrListing>().Property(l => l.OwnerEmail).HasConversion(encrypted);
        modelBuilder.Entity<SdrProspectingCandidate>().Property(c => c.Facts).HasConversion(encrypted);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
