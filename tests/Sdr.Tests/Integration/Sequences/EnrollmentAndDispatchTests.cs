using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class EnrollmentAndDispatchTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EnrollTwice_EvenConcurrently_GivesOneProspectOneActiveSequenceOneSms(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.EnrollAsync(contact.Id)));
        var again = await host.EnrollAsync(contact.Id);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var skipped = await again.Content.ReadFromJsonAsync<JsonElement>();
        skipped.GetProperty("skipped")[0].GetProperty("reason").GetString().ShouldBe("already_enrolled");
        (await host.WithDbAsync(db => db.Prospects.CountAsync())).ShouldBe(1);
        (await host.WithDbAsync(db => db.Sequences.CountAsync(s => s.IsActive))).ShouldBe(1);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentProcessBatches_NeverSendAStepTwice(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(30).Select(c => c.Id).ToArray();
        (await host.EnrollAsync(contacts)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromHours(24));

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.ProcessBatchAsync(batchSize: 7)));
        var drained = await host.ProcessBatchAsync();

        var emails = host.Sandbox.State.SentMessages.Where(m => m.Type == "Email").ToList();
        emails.Count.ShouldBe(contacts.Length);
        emails.Select(m => m.ContactId).Distinct().Count().ShouldBe(contacts.Length);
        (batches.Sum(b => b.GetProperty("dispatched").GetInt32()) + drained.GetProperty("dispatched").GetInt32()).ShouldBe(contacts.Length);
        batches.Sum(b => b.GetProperty("errors").GetInt32()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Delete_StopsTheSequence_WithoutOptingOut(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var deleted = await host.Client.DeleteAsync($"/sdr/sequences/{contact.Id}");
        host.Clock.Advance(TimeSpan.FromDays(30));
        var batch = await host.ProcessBatchAsync();

        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("opted_out").GetBoolean().ShouldBeFalse();
        batch.GetProperty("processed").GetInt32().ShouldBe(0);
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("end_reason").GetString().ShouldBe("stopped manually");
        host.Sandbox.State.SentMessages.Count.ShouldBe(1);
        host.Sandbox.State.DndUpdates.ShouldBeEmpty();
        host.Sandbox.State.TagChanges.ShouldBeEmpty();
        (await host.Client.DeleteAsync($"/sdr/sequences/{contact.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Not opted out: the contact can be enrolled again later.
        var again = await (await host.EnrollAsync(contact.Id)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("total_enrolled").GetInt32().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Enroll_SkipsDndAndPhonelessContacts_AndReportsUnknownOnes(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var dnd = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Dana", Phone = "+13125550101", Dnd = true });
        var phoneless = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Pat", Email = "pat@example.com" });

        var response = await host.EnrollAsync(dnd.Id, phoneless.Id, "NoSuchContact000001");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("total_enrolled").GetInt32().ShouldBe(0);
        var reasons = body.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("contact_id").GetString()!, s => s.GetProperty("reason").GetString());
        reasons[dnd.Id].ShouldBe("dnd");
        reasons[phoneless.Id].ShouldBe("no_phone");
        var error = body.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("contact_id").GetString().ShouldBe("NoSuchContact000001");
        error.GetProperty("error").GetString()!.ShouldContain("not found");
        host.Sandbox.State.SentMessages.ShouldBeEmpty();
        (await host.WithDbAsync(db => db.Prospects.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FailedDispatch_IsRetriedWithBackoff_WithoutStarvingOthers(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:performance:dispatch_concurrency"] = "1" });
        var contacts = host.TextableContacts(3).Select(c => c.Id).ToArray();
        (await host.EnrollAsync(contacts)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromHours(24));

        // GHL refuses the first email send outright (4 x 429 outlasts the client's own retries).
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 429, Count: 4));
        var first = await host.ProcessBatchAsync();

        first.GetProperty("processed").GetInt32().ShouldBe(3);
        first.GetProperty("dispatched").GetInt32().ShouldBe(2);
        first.GetProperty("errors").GetInt32().ShouldBe(1);
        var failed = contacts.Single(id => host.Sandbox.State.SentMessages.Count(m => m.ContactId == id) == 1);
        var sequence = await host.GetSequenceAsync(failed);
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
        var decision = sequence.GetProperty("decisions").EnumerateArray().Last();
        decision.GetProperty("outcome").GetString().ShouldBe("failed");
        var retryAt = decision.GetProperty("until").GetDateTimeOffset();
        retryAt.ShouldBeGreaterThan(host.Clock.GetUtcNow());

        (await host.ProcessBatchAsync()).GetProperty("processed").GetInt32().ShouldBe(0);
        host.Clock.SetUtcNow(retryAt);
        var retry = await host.ProcessBatchAsync();

        retry.GetProperty("dispatched").GetInt32().ShouldBe(1);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == failed && m.Type == "Email").ShouldBe(1);
    }

    [Fact]
    public async Task ABatchCutIntoChunks_NeverRunsMoreGhlCallsAtOnceThanDispatchConcurrency()
    {
        // GHL's budget (client and sandbox) and the hourly enrolment cap raised: one batch sends to all of them.
        await using var host = await SdrTestHost.StartAsync(
            TestDatabases.Sqlite,
            new Dictionary<string, string?> { ["sdr:performance:dispatch_concurrency"] = "4", ["Ghl:RequestsPerWindow"] = "10000", ["sdr:rate_limits:max_enrollments_per_hour"] = "1000" },
            ghlRequestsPerWindow: 100_000);
        var contacts = host.TextableContacts(500).Select(c => c.Id).ToArray();
        contacts.Length.ShouldBeGreaterThan(100);
        (await host.EnrollAsync(contacts)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromHours(48));
        host.Sandbox.State.ResponseDelay = TimeSpan.FromMilliseconds(20);
        var peakBefore = host.Sandbox.State.PeakConcurrentRequests;

        // Over 100 due sequences: chunks of 50, several in flight, sharing the four calls.
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("processed").GetInt32().ShouldBe(contacts.Length);
        batch.GetProperty("dispatched").GetInt32().ShouldBe(contacts.Length);
        host.Sandbox.State.PeakConcurrentRequests.ShouldBeLessThanOrEqualTo(Math.Max(4, peakBefore));
        host.Sandbox.State.PeakConcurrentRequests.ShouldBeGreaterThanOrEqualTo(2, "the delayed calls should overlap");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MessageBodies_AreEncryptedAtRest(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sent = host.Sandbox.State.SentMessages.Single().Body;

        var raw = await host.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT message_body AS \"Value\" FROM sdr_outreach_touches").SingleAsync());
        var decrypted = await host.WithDbAsync(db => db.Touches.Select(t => t.MessageBody).SingleAsync());

        raw.ShouldStartWith("gAAAAA");
        raw.ShouldNotContain("STOP");
        decrypted.ShouldBe(sent);
        var rawPhone = await host.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT phone AS \"Value\" FROM sdr_prospects").SingleAsync());
        rawPhone.ShouldStartWith("gAAAAA");
        (await host.WithDbAsync(db => db.Prospects.Select(p => p.Phone).SingleAsync())).ShouldBe(contact.Phone);
    }
}
