using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;
using Sdr.Core.Sourcing;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sourcing;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ProspectingCycleTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SourceCycle_OnTheSandbox_EnrolsTheEligibleAndSkipsTheRestWithReasons(string provider)
    {
        await using var host = await SourcingHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:prospecting:max_prospects_per_cycle"] = "1000" }, provider: provider);
        var location = host.LocationId;
        var suppressed = host.TextableContacts(40).Last();
        await host.WithDbAsync(async db =>
        {
            db.Suppressions.Add(new SdrSuppression { ContactId = suppressed.Id, PhoneHash = PhoneHash.Of(suppressed.Phone), Source = "dnc", Reason = "test", CreatedAt = host.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={location}&sources=ghl_pipeline,stale_lead&max_per_source=1000", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("cycle_id").GetInt64();
        response.Headers.Location!.ToString().ShouldBe($"/sdr/prospects/source/{id}");
        var cycle = await SourcingHost.WaitForCycleAsync(host, id);
        cycle.GetProperty("status").GetString().ShouldBe("completed");
        var counts = cycle.GetProperty("counts");
        var openPipeline = host.Sandbox.State.Opportunities(location).Where(o => o.Status == "open" && host.Sandbox.State.Pipelines(location)[0].Stages.Single(s => s.Id == o.PipelineStageId).Name != "Closed").Select(o => o.ContactId).ToHashSet();
        cycle.GetProperty("by_source").GetProperty("ghl_pipeline").GetProperty("found").GetInt32().ShouldBe(openPipeline.Count);
        counts.GetProperty("enrolled").GetInt32().ShouldBeGreaterThan(0);
        counts.GetProperty("pending").GetInt32().ShouldBe(0);
        (counts.GetProperty("enrolled").GetInt32() + counts.GetProperty("skipped").GetInt32() + counts.GetProperty("errors").GetInt32()).ShouldBe(counts.GetProperty("found").GetInt32());
        var reasons = counts.GetProperty("skipped_by_reason").EnumerateObject().Select(p => p.Name).ToList();
        reasons.ShouldContain("dnd");
        reasons.ShouldContain("no_phone");
        var candidates = await host.WithDbAsync(db => db.ProspectingCandidates.AsNoTracking().Where(c => c.CycleId == id).ToListAsync());
        candidates.Single(c => c.ContactId == suppressed.Id).Reason.ShouldBe("suppressed");
        var sequences = await host.WithDbAsync(db => db.Sequences.AsNoTracking().Include(s => s.Prospect).ToListAsync());
        sequences.Count.ShouldBe(counts.GetProperty("enrolled").GetInt32());
        sequences.ShouldAllBe(s => s.Prospect!.Source == "ghl_pipeline" || s.Prospect!.Source == "stale_lead");
        var closedOrLost = host.Sandbox.State.Opportunities(location).Where(o => o.Status != "open").Select(o => o.ContactId).Except(openPipeline).ToHashSet();
        candidates.Where(c => c.Source == "ghl_pipeline").ShouldAllBe(c => !closedOrLost.Contains(c.ContactId!));
    }

    [Fact]
    public async Task SourceCycle_StaleSource_PassesOverContactsWithARecentMessage()
    {
        await using var host = await SourcingHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:prospecting:max_prospects_per_cycle"] = "1000" });
        var now = host.Clock.GetUtcNow();
        var stale = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Old", Phone = "+12149301234", DateAdded = now.AddDays(-90), DateUpdated = now.AddDays(-60) });
        var talking = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Chatty", Phone = "+12149301235", DateAdded = now.AddDays(-90), DateUpdated = now.AddDays(-60) });
        host.Sandbox.State.AddHistoryMessage(talking.Id, "inbound", "hi", now.AddDays(-2));

        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}&sources=stale_lead&max_per_source=1000", null);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();
        await SourcingHost.WaitForCycleAsync(host, id);

        var keys = await host.WithDbAsync(db => db.ProspectingCandidates.Where(c => c.CycleId == id).Select(c => c.CandidateKey).ToListAsync());
        keys.ShouldContain(stale.Id);
        keys.ShouldNotContain(talking.Id);
    }

    [Fact]
    public async Task SourceCycle_MaxPerSource_EnrolsThatManyAndSkipsTheRestAsOverCycleLimit()
    {
        await using var host = await SourcingHost.StartAsync();

        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}&sources=stale_lead&max_per_source=3", null);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();
        var cycle = await SourcingHost.WaitForCycleAsync(host, id);

        var counts = cycle.GetProperty("counts");
        counts.GetProperty("enrolled").GetInt32().ShouldBe(3);
        counts.GetProperty("skipped_by_reason").GetProperty("over_cycle_limit").GetInt32().ShouldBeGreaterThan(0);
        (await host.WithDbAsync(db => db.Sequences.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task SourceCycle_ListingSourcesWithoutAFeed_ReportNoListingFeedConfigured()
    {
        await using var host = await SourcingHost.StartAsync();

        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}&sources=expired_mls,fsbo", null);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();
        var cycle = await SourcingHost.WaitForCycleAsync(host, id);

        cycle.GetProperty("status").GetString().ShouldBe("completed");
        var errors = cycle.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        errors.ShouldBe([$"expired_mls: {ProspectSourcer.NoListingFeed}", $"fsbo: {ProspectSourcer.NoListingFeed}"]);
        cycle.GetProperty("counts").GetProperty("errors").GetInt32().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SourceCycle_KilledHalfWay_ResumesWithoutEnrollingAnyoneTwice(string provider)
    {
        await using var host = await SourcingHost.StartAsync(worker: false, provider: provider);
        var cycles = host.Services.GetRequiredService<ProspectingCycles>();
        var started = await cycles.StartAsync(host.LocationId, ["ghl_pipeline", "stale_lead"], 10, ProspectingTrigger.Api);
        var id = started.Started!.CycleId;
        var first = ActivatorUtilities.CreateInstance<ProspectingCycleRunner>(host.Services);
        (await first.RunNextAsync(id)).ShouldBeTrue();
        var enrolled = await host.WithDbAsync(db => db.ProspectingCandidates.Where(c => c.CycleId == id && c.Status == ProspectingCandidateStatus.Enrolled).Select(c => c.Id).ToListAsync());
        enrolled.Count.ShouldBeGreaterThan(2);
        var sentBefore = host.Sandbox.State.SentMessages.Count;

        // As if the process died after enrolling half of them but before saving, its lease running out.
        var undone = enrolled.Take(enrolled.Count / 2).ToList();
        await host.WithDbAsync(async db =>
        {
            await db.ProspectingCandidates.Where(c => undone.Contains(c.Id) || (c.CycleId == id && c.Reason == "over_cycle_limit"))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, ProspectingCandidateStatus.Pending).SetProperty(c => c.Reason, (string?)null));
            return await db.Database.ExecuteSqlRawAsync(
                "UPDATE sdr_prospecting_cycles SET status = 'running', finished_at = NULL, lease_owner = 'dead', lease_until = {0} WHERE id = {1}",
                host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), id);
        });
        var second = ActivatorUtilities.CreateInstance<ProspectingCycleRunner>(host.Services);
        (await second.RunNextAsync()).ShouldBeTrue();

        var view = await cycles.GetAsync(id);
        view!.Status.ShouldBe("completed");
        view.Counts.Enrolled.ShouldBe(enrolled.Count);
        var sequences = await host.WithDbAsync(db => db.Sequences.GroupBy(s => s.ContactId).Select(g => g.Count()).ToListAsync());
        sequences.ShouldAllBe(count => count == 1);
        sequences.Count.ShouldBe(enrolled.Count);
        host.Sandbox.State.SentMessages.Count.ShouldBe(sentBefore);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SourceCycle_TwoRunnersAtOnce_OneRunsItAndNoContactIsEnrolledTwice(string provider)
    {
        await using var host = await SourcingHost.StartAsync(worker: false, provider: provider);
        var cycles = host.Services.GetRequiredService<ProspectingCycles>();
        var id = (await cycles.StartAsync(host.LocationId, ["ghl_pipeline", "stale_lead"], 20, ProspectingTrigger.Api)).Started!.CycleId;
        var runners = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ProspectingCycleRunner>(host.Services)).ToList();

        var ran = await Task.WhenAll(runners.Select(r => r.RunNextAsync(id)));

        ran.Count(r => r).ShouldBe(1);
        (await cycles.GetAsync(id))!.Status.ShouldBe("completed");
        var perContact = await host.WithDbAsync(db => db.Sequences.GroupBy(s => s.ContactId).Select(g => g.Count()).ToListAsync());
        perContact.ShouldAllBe(count => count == 1);
        host.Sandbox.State.SentMessages.GroupBy(m => m.ContactId).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task Schedule_OnAFakeClock_StartsOneCyclePerPeriod()
    {
        await using var host = await SourcingHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["sdr:prospecting:schedule:0:name"] = "daily",
            ["sdr:prospecting:schedule:0:sources:0"] = "stale_lead",
            ["sdr:prospecting:schedule:0:every_hours"] = "24",
            ["sdr:prospecting:schedule:0:max_per_source"] = "2",
        });

        var firstRun = await WaitForCyclesAsync(host, 1);
        await SourcingHost.WaitForCycleAsync(host, firstRun[0]);
        host.Clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(2500);
        (await ListAsync(host)).Count.ShouldBe(1);

        host.Clock.Advance(TimeSpan.FromHours(24 * 5));
        var later = await WaitForCyclesAsync(host, 2);
        await SourcingHost.WaitForCycleAsync(host, later[0]);
        await Task.Delay(2500);

        var all = await ListAsync(host);
        all.Count.ShouldBe(2, "a clock jump of five periods starts one cycle, not five");
        all.ShouldAllBe(c => c.GetProperty("trigger").GetString() == "schedule" && c.GetProperty("schedule_key").GetString() == "daily");
    }

    private static async Task<List<JsonElement>> ListAsync(SdrTestHost host) =>
        [.. (await host.Client.GetFromJsonAsync<JsonElement>($"/sdr/prospects/source?location_id={host.LocationId}")).EnumerateArray()];

    private static async Task<List<long>> WaitForCyclesAsync(SdrTestHost host, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var cycles = await ListAsync(host);
            if (cycles.Count >= count)
            {
                return [.. cycles.Select(c => c.GetProperty("cycle_id").GetInt64())];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{cycles.Count} cycle(s), expected {count}");
            }

            await Task.Delay(200);
        }
    }
}
