using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Experiments;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Experiments;

/// <summary>What config does to stored tests when they disagree (ExperimentConfigSync's rules).</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ExperimentConfigSyncTests
{
    [Fact]
    public async Task NewKey_IsCreated_OnlyOnce_AndAChangedDesignIsWarnedAboutNotApplied()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var logger = new FakeLogger<ExperimentConfigSync>();

        (await SyncAsync(host, logger, ("opener", Test(enabled: true, directWeight: 50)))).ShouldBe(1);
        (await SyncAsync(host, logger, ("opener", Test(enabled: true, directWeight: 50)))).ShouldBe(0);
        (await SyncAsync(host, logger, ("opener", Test(enabled: true, directWeight: 60)))).ShouldBe(0);

        var stored = await host.WithDbAsync(db => db.AbTests.Include(t => t.Variants).SingleAsync());
        stored.ConfigKey.ShouldBe("opener");
        stored.Status.ShouldBe(AbTestStatus.Running);
        stored.Variants.Single(v => v.Name == "direct").Weight.ShouldBe(50, "the stored design is kept");
        logger.Collector.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("opener", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabled_StopsARunningTest_ButAPromotionThroughTheApiStands()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var logger = new FakeLogger<ExperimentConfigSync>();
        await SyncAsync(host, logger, ("a", Test(enabled: true, directWeight: 50)), ("b", Test(enabled: true, directWeight: 50)));
        var promotedId = await host.WithDbAsync(db => db.AbTests.Where(t => t.ConfigKey == "b").Select(t => t.Id).SingleAsync());
        (await host.Client.PostAsync($"/sdr/ab-tests/{promotedId}/promote", System.Net.Http.Json.JsonContent.Create(new { variant = "direct" }))).EnsureSuccessStatusCode();

        (await SyncAsync(host, logger, ("a", Test(enabled: false, directWeight: 50)), ("b", Test(enabled: false, directWeight: 50)), ("c", Test(enabled: false, directWeight: 50)))).ShouldBe(1);

        var tests = await host.WithDbAsync(db => db.AbTests.ToDictionaryAsync(t => t.ConfigKey!));
        tests["a"].Status.ShouldBe(AbTestStatus.Stopped);
        tests["a"].StopReason.ShouldBe("disabled in config");
        tests["b"].Status.ShouldBe(AbTestStatus.Promoted);
        tests.ShouldNotContainKey("c", "a disabled test is never created");
    }

    private static async Task<int> SyncAsync(SdrTestHost host, FakeLogger<ExperimentConfigSync> logger, params (string Key, ConfiguredExperiment Test)[] tests)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var options = new ExperimentOptions();
        foreach (var (key, test) in tests)
        {
            options.Tests[key] = test;
        }

        var sync = new ExperimentConfigSync(
            scope.ServiceProvider.GetRequiredService<SdrDbContext>(),
            scope.ServiceProvider.GetRequiredService<ExperimentService>(),
            Options.Create(options),
            host.Clock,
            logger);
        return await sync.SyncAsync(CancellationToken.None);
    }

    private static ConfiguredExperiment Test(bool enabled, int directWeight) => new()
    {
        Enabled = enabled,
        Variants =
        [
            new ConfiguredVariant { Name = "consultative", Weight = 100 - directWeight },
            new ConfiguredVariant { Name = "direct", Weight = directWeight },
        ],
    };
}
