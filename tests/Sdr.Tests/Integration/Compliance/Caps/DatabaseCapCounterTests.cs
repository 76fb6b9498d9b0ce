using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Security;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Compliance.Caps;

/// <summary>
/// The database counters on an in-memory SQLite database built with EnsureCreated (the migrations
/// come later). Each concurrent caller has its own context and connection to the shared database.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class DatabaseCapCounterTests : IDisposable
{
    private static readonly FernetKeyRing KeyRing = FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), TimeProvider.System);

    private readonly string _connectionString = $"Data Source=caps-{Guid.NewGuid():N};Mode=Memory;Cache=Shared;Default Timeout=30";
    private readonly SqliteConnection _keepAlive;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 6, 14, 0, 0, TimeSpan.Zero));

    public DatabaseCapCounterTests()
    {
        // An in-memory database lives as long as one connection to it is open.
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _keepAlive.Dispose();

    [Fact]
    public async Task TakesUpToTheLimit_ThenRefuses_AndCountsNothingMore()
    {
        await using var db = NewContext();
        var counter = new DatabaseCapCounter(db, _time);

        for (var i = 0; i < 3; i++)
        {
            (await counter.TryTakeAsync("k", 3, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue();
        }

        (await counter.TryTakeAsync("k", 3, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeFalse();
        var row = await db.Set<SdrRateCounter>().AsNoTracking().SingleAsync(c => c.Key == "k");
        row.Count.ShouldBe(3);
        row.WindowEndsAt.ShouldBe(_time.GetUtcNow().UtcDateTime.AddHours(1));
    }

    [Fact]
    public async Task TakeEach_CountsOneUnderEveryKeyThatHasRoom_InOneStatement()
    {
        await using var db = NewContext();
        var counter = new DatabaseCapCounter(db, _time);
        (await counter.TryTakeAsync("full", 1, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue();
        (await counter.TryTakeAsync("ended", 1, TimeSpan.FromMinutes(30), CancellationToken.None)).ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(45));

        (await counter.TryTakeEachAsync(["full", "new", "ended"], 1, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBe([false, true, true]);
        (await counter.TryTakeEachAsync(["full", "new"], 2, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBe([true, true]);
        (await counter.TryTakeEachAsync(["a"], 0, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBe([false]);

        var rows = await db.Set<SdrRateCounter>().AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Count);
        rows.ShouldBe(new Dictionary<string, int> { ["full"] = 2, ["new"] = 2, ["ended"] = 1 }, ignoreOrder: true);
        (await db.Set<SdrRateCounter>().AsNoTracking().SingleAsync(c => c.Key == "ended")).WindowEndsAt.ShouldBe(_time.GetUtcNow().UtcDateTime.AddHours(1));
    }

    [Fact]
    public async Task TakeAll_CountsEveryUnitOrNone()
    {
        await using var db = NewContext();
        var counter = new DatabaseCapCounter(db, _time);

        (await counter.TryTakeAllAsync("loc", 3, 5, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue();
        (await counter.TryTakeAllAsync("loc", 3, 5, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeFalse("3 + 3 > 5");
        (await counter.TryTakeAllAsync("loc", 2, 5, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue();
        (await counter.TryTakeAllAsync("new", 6, 5, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeFalse("more than the limit, even on a new key");

        var rows = await db.Set<SdrRateCounter>().AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Count);
        rows.ShouldBe(new Dictionary<string, int> { ["loc"] = 5 }, ignoreOrder: true);
        _time.Advance(TimeSpan.FromHours(1));
        (await counter.TryTakeAllAsync("loc", 4, 5, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue("a new window");
        (await db.Set<SdrRateCounter>().AsNoTracking().SingleAsync(c => c.Key == "loc")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Release_GivesOneBack_NeverBelowZero()
    {
        await using var db = NewContext();
        var counter = new DatabaseCapCounter(db, _time);
        await counter.TryTakeAsync("k", 1, TimeSpan.FromHours(1), CancellationToken.None);

        await counter.ReleaseAsync("k", CancellationToken.None);
        await counter.ReleaseAsync("k", CancellationToken.None);

        (await db.Set<SdrRateCounter>().AsNoTracking().SingleAsync(c => c.Key == "k")).Count.ShouldBe(0);
        (await counter.TryTakeAsync("k", 1, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task AnEndedWindow_StartsAgainAtOne()
    {
        await using var db = NewContext();
        var counter = new DatabaseCapCounter(db, _time);
        await counter.TryTakeAsync("k", 1, TimeSpan.FromHours(1), CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(1));

        (await counter.TryTakeAsync("k", 1, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeTrue();
        (await counter.TryTakeAsync("k", 1, TimeSpan.FromHours(1), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task FiftyConcurrentTakes_ExactlyTheLimitSucceed()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using var db = NewContext();
            return await new DatabaseCapCounter(db, _time).TryTakeAsync("concurrent", 20, TimeSpan.FromHours(1), CancellationToken.None);
        })));

        results.Count(taken => taken).ShouldBe(20);
        await using var check = NewContext();
        (await check.Set<SdrRateCounter>().AsNoTracking().SingleAsync(c => c.Key == "concurrent")).Count.ShouldBe(20);
    }

    [Fact]
    public async Task Rolling_AllowsTheLimitPerWindow_AndSaysWhenTheOldestLeaves()
    {
        await using var db = NewContext();
        var rolling = new DatabaseRollingWindowCounter(db);
        var start = new DateTime(2026, 7, 6, 13, 0, 0, DateTimeKind.Utc);
        var window = TimeSpan.FromHours(24);
        for (var i = 0; i < 3; i++)
        {
            (await rolling.TryTakeAsync("r", 3, window, start.AddHours(i), CancellationToken.None)).Taken.ShouldBeTrue();
        }

        var refused = await rolling.TryTakeAsync("r", 3, window, start.AddHours(5), CancellationToken.None);

        refused.ShouldBe(RollingTake.Refused(start.AddHours(24)));
        (await rolling.TryTakeAsync("r", 3, window, start.AddHours(24), CancellationToken.None)).Taken.ShouldBeTrue();
    }

    [Fact]
    public async Task Rolling_ReleaseFreesTheUnitTakenAtThatTime()
    {
        await using var db = NewContext();
        var rolling = new DatabaseRollingWindowCounter(db);
        var start = new DateTime(2026, 7, 6, 13, 0, 0, DateTimeKind.Utc);
        var window = TimeSpan.FromHours(24);
        await rolling.TryTakeAsync("r", 2, window, start, CancellationToken.None);
        await rolling.TryTakeAsync("r", 2, window, start.AddHours(1), CancellationToken.None);

        await rolling.ReleaseAsync("r", window, start.AddHours(1), CancellationToken.None);

        (await rolling.TryTakeAsync("r", 2, window, start.AddHours(2), CancellationToken.None)).Taken.ShouldBeTrue();
        (await rolling.TryTakeAsync("r", 2, window, start.AddHours(3), CancellationToken.None)).ShouldBe(RollingTake.Refused(start.AddHours(24)));
    }

    [Fact]
    public async Task Rolling_FiftyConcurrentTakes_ExactlyTheLimitSucceed()
    {
        var now = new DateTime(2026, 7, 6, 13, 0, 0, DateTimeKind.Utc);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await using var db = NewContext();
            return (await new DatabaseRollingWindowCounter(db).TryTakeAsync("rc", 3, TimeSpan.FromHours(24), now.AddSeconds(i), CancellationToken.None)).Taken;
        })));

        results.Count(taken => taken).ShouldBe(3);
    }

    private SqliteSdrDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteSdrDbContext>()
            .UseSqlite(_connectionString)
            .UseSnakeCaseNamingConvention()
            .Options, KeyRing);
}
