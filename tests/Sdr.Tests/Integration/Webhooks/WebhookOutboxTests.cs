using System.Net;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>The GHL writes that webhook events queue are carried out on their own loop: they never hold up the next event.</summary>
public sealed class WebhookOutboxTests
{
    [Fact]
    public async Task SourceStageEnrolment_WhileGhlHoldsTheContactRead_DoesNotHoldUpTheNextStop()
    {
        var source = "stage-source";
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["sdr:prospecting:ghl_pipeline_stage_ids:0"] = source,
            ["sdr:performance:circuit_breaker_failure_threshold"] = "100",
        });
        var (newcomer, stopper) = (host.TextableContacts(2)[0], host.TextableContacts(2)[1]);
        (await host.EnrollAsync(stopper.Id)).EnsureSuccessStatusCode();

        // GHL hangs on every contact read: the enrolment the stage change asks for cannot finish.
        var hold = new SandboxHold();
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("GET", "/contacts/", StatusCode: 503, Count: 10_000, Kind: SandboxFaultKind.HoldResponse) { Hold = hold });
        var opportunity = new SandboxOpportunity
        {
            Id = "opp-" + newcomer.Id,
            LocationId = host.LocationId,
            PipelineId = "pipe-1",
            PipelineStageId = source,
            ContactId = newcomer.Id,
            Name = "Seller lead",
            Status = "open",
            CreatedAt = host.Clock.GetUtcNow(),
        };
        (await host.Sandbox.Webhooks.SendOpportunityStageUpdateAsync(SdrTestHost.Webhook("stage-change"), opportunity)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20)); // the enrolment is waiting for GHL

        (await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, stopper.Id, "STOP", SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForEventsAsync(host);

        // The STOP took effect while the enrolment still waits on GHL.
        (await host.WithDbAsync(db => db.Sequences.SingleAsync(s => s.ContactId == stopper.Id))).CurrentStep.ShouldBe(SequenceStep.OptedOut);
        (await host.WithDbAsync(db => db.GhlActions.SingleAsync(a => a.Kind == GhlActionKinds.EnrollContact))).Status.ShouldBe(GhlActionStatus.Pending);

        // GHL answers again: the enrolment is retried and goes through.
        host.Sandbox.State.Faults.Clear();
        hold.Release();
        for (var i = 0; i < 10 && !await host.WithDbAsync(db => db.Sequences.AnyAsync(s => s.ContactId == newcomer.Id)); i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await host.WaitForWebhooksAsync(TimeSpan.FromSeconds(60));
        }

        (await host.WithDbAsync(db => db.Sequences.SingleAsync(s => s.ContactId == newcomer.Id))).IsActive.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BurstOfStops_WhileGhlHoldsEveryWrite_IsOptedOutLocally_AndReachesGhlWhenItAnswersAgain(string provider)
    {
        // The breaker (30 min on the wall clock) is kept closed so GHL can "come back" within the test.
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["sdr:performance:circuit_breaker_failure_threshold"] = "100",
            ["sdr:rate_limits:max_enrollments_per_hour"] = "1000",
        });
        var contacts = host.TextableContacts(100);
        (await host.EnrollAsync([.. contacts.Select(c => c.Id)])).EnsureSuccessStatusCode();
        var ids = contacts.Select(c => c.Id).ToHashSet();

        // Every write to GHL now hangs until released: DND and tags (contacts), confirmation texts (messages).
        var hold = new SandboxHold();
        var faults = host.Sandbox.State.Faults;
        foreach (var (method, path) in new[] { ("PUT", "/contacts/"), ("POST", "/contacts/"), ("DELETE", "/contacts/"), ("POST", "/conversations/messages") })
        {
            faults.Enqueue(new SandboxFault(method, path, StatusCode: 503, Count: 10_000, Kind: SandboxFaultKind.HoldResponse) { Hold = hold });
        }

        foreach (var contact in contacts)
        {
            (await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "STOP", SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20)); // the outbox worker is stuck on a GHL call
        await WaitForEventsAsync(host);

        // Every STOP took effect here while GHL has answered none of the writes.
        var steps = await host.WithDbAsync(db => db.Sequences.Where(s => ids.Contains(s.ContactId)).Select(s => new { s.CurrentStep, s.IsActive }).ToListAsync());
        steps.Count.ShouldBe(contacts.Count);
        steps.ShouldAllBe(s => s.CurrentStep == SequenceStep.OptedOut && !s.IsActive);
        (await host.WithDbAsync(db => db.Suppressions.Where(s => ids.Contains(s.ContactId!)).Select(s => s.ContactId).Distinct().CountAsync())).ShouldBe(contacts.Count);
        (await host.WithDbAsync(db => db.GhlActions.CountAsync(a => a.Status == GhlActionStatus.Done))).ShouldBe(0);
        (await host.WithDbAsync(db => db.GhlActions.CountAsync(a => a.Kind == GhlActionKinds.SetSmsDnd))).ShouldBe(contacts.Count);

        // GHL answers again: the held calls fail, and the retries go through as time passes.
        faults.Clear();
        hold.Release();
        for (var i = 0; i < 20 && await host.WithDbAsync(db => db.GhlActions.AnyAsync(a => a.Status == GhlActionStatus.Pending || a.ClaimedUntil != null)); i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await host.WaitForWebhooksAsync(TimeSpan.FromSeconds(120));
        }

        foreach (var contact in contacts)
        {
            contact.DndSettings["SMS"].Status.ShouldBe("active", contact.Id);
            contact.Tags.ShouldContain("sdr-opted-out", contact.Id);
        }

        // No text went out twice, whatever became of the held ones.
        host.Sandbox.State.SentMessages.Where(m => ids.Contains(m.ContactId) && m.Body!.Contains("unsubscribed"))
            .GroupBy(m => m.ContactId).ShouldAllBe(g => g.Count() == 1);
        (await host.WithDbAsync(db => db.GhlActions.CountAsync(a => a.Status != GhlActionStatus.Done))).ShouldBe(0);
    }

    private static async Task WaitForEventsAsync(SdrTestHost host)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await host.WithDbAsync(db => db.WebhookEvents.AllAsync(e => e.Status != WebhookEventStatus.Pending)))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("webhook events still pending while GHL holds its writes");
    }
}
