using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Security;
using Sdr.Tests.Support;

namespace Sdr.Tests.Unit.Security;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class EncryptedStringConverterTests
{
    private const string Body = "Hi Dana, yes please call me at 555-0100 tomorrow";

    private readonly FernetKeyRing _ring = FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), new FakeTimeProvider(DateTimeOffset.UtcNow));

    [Fact]
    public void RoundTripsAndTheStoredValueIsATokenWithoutThePlaintext()
    {
        var converter = new EncryptedStringConverter(_ring);

        var stored = (string?)converter.ConvertToProvider(Body);

        stored.ShouldNotBeNull();
        stored.ShouldStartWith("gAAAAA");
        stored.ShouldNotContain("555-0100");
        converter.ConvertFromProvider(stored).ShouldBe(Body);
    }

    [Fact]
    public void NullStaysNull()
    {
        var converter = new EncryptedStringConverter(_ring);

        converter.ConvertToProvider(null).ShouldBeNull();
        converter.ConvertFromProvider(null).ShouldBeNull();
    }

    [Fact]
    public void RequiresAKeyRing()
    {
        Should.Throw<ArgumentNullException>(() => new EncryptedStringConverter(null!));
    }

    [Fact]
    public void SqliteColumnHoldsCiphertextAndEntitiesReadBackPlaintext()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<MessageContext>().UseSqlite(connection).Options;

        using (var context = new MessageContext(options, _ring))
        {
            context.Database.EnsureCreated();
            context.Messages.Add(new Message { Id = 1, Body = Body, Reply = null });
            context.SaveChanges();
        }

        using (var raw = connection.CreateCommand())
        {
            raw.CommandText = "SELECT Body, Reply FROM Messages WHERE Id = 1";
            using var reader = raw.ExecuteReader();
            reader.Read().ShouldBeTrue();
            var storedBody = reader.GetString(0);
            storedBody.ShouldNotContain("555-0100");
            _ring.DecryptString(storedBody).ShouldBe(Body);
            reader.IsDBNull(1).ShouldBeTrue();
        }

        using (var context = new MessageContext(options, _ring))
        {
            var message = context.Messages.Single(m => m.Id == 1);
            message.Body.ShouldBe(Body);
            message.Reply.ShouldBeNull();
        }
    }

    public sealed class Message
    {
        public int Id { get; set; }

        public string? Body { get; set; }

        public string? Reply { get; set; }
    }

    private sealed class MessageContext(DbContextOptions<MessageContext> options, FernetKeyRing ring) : DbContext(options)
    {
        public DbSet<Message> Messages => Set<Message>();

        public FernetKeyRing Ring { get; } = ring;

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
            // The ring is baked into the cached model: key the model cache on the ring (one model per ring).
            optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PerContextModelCacheKeyFactory>();
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var converter = new EncryptedStringConverter(Ring);
            modelBuilder.Entity<Message>().Property(m => m.Body).HasConversion(converter);
            modelBuilder.Entity<Message>().Property(m => m.Reply).HasConversion(converter);
        }
    }

    private sealed class PerContextModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime)
        {
            return (context.GetType(), (context as MessageContext)?.Ring, designTime);
        }
    }
}
