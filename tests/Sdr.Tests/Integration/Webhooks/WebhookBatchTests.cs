using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>Events the processor takes in one batch: each gets its own outcome, in arrival order.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class WebhookBatchTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OneBatch_OfRepliesAStopAndABrokenEvent_EachHasItsOwnOutcome_AndLaterEventsSeeEarlierEffects(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(2);
        var enrolled = contacts[0];
        var stranger = contacts[1];
        (await host.EnrollAsync(enrolled.Id)).EnsureSuccessStatusCode();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        SdrWebhookEvent Stored(string key, string contactId, string payload) => new()
        {
            DedupeKey = key,
            Endpoint = "reply",
            EventType = "InboundMessage",
            LocationId = host.LocationId,
            ContactId = contactId,
            Payload = payload,
            Status = WebhookEventStatus.Pending,
            ReceivedAt = now,
            NextAttemptAt = now,
        };
        string Reply(string contactId, string body, string messageId) => WebhookIntakeTests.InboundMessage(host, contactId, body, messageId).ToJsonString();

        // Committed together, so the processor finds them in one batch.
        await host.WithDbAsync(async db =>
        {
            db.WebhookEvents.AddRange(
                Stored("msg:b-1", enrolled.Id, Reply(enrolled.Id, "Sounds good, call me tomorrow", "b-1")),
                Stored("msg:b-2", stranger.Id, Reply(stranger.Id, "who is this?", "b-2")),
                Stored("wh:b-3", enrolled.Id, "{not json"),
                Stored("msg:b-4", enrolled.Id, Reply(enrolled.Id, "STOP", "b-4")),
                Stored("msg:b-5", enrolled.Id, Reply(enrolled.Id, "ok", "b-5")),
                Stored("msg:b-6", stranger.Id, Reply(stranger.Id, "STOP", "b-6")));
            return await db.SaveChangesAsync();
        });
        await host.WaitForWebhooksAsync();

        var events = await host.WithDbAsync(db => db.WebhookEvents.Where(e => e.DedupeKey.Contains(":b-")).OrderBy(e => e.Id).ToListAsync());
        events.Select(e => e.Status).ShouldBe([
            WebhookEventStatus.Processed,
            WebhookEventStatus.Ignored,
            WebhookEventStatus.Pending, // retried later with backoff
            WebhookEventStatus.Processed,
            WebhookEventStatus.Processed,
            WebhookEventStatus.Processed,
        ]);
        events[0].Outcome!.ShouldEndWith("cadence paused; answer queued");
        events[1].Outcome.ShouldBe("contact not enrolled");
        events[2].Attempts.ShouldBe(1);
        events[2].Error.ShouldNotBeNullOrWhiteSpace();
        events[3].Outcome!.ShouldStartWith("opted out");
        events[4].Outcome.ShouldBe("reply recorded; not answered: sequence ended (opted_out)");
        events[5].Outcome!.ShouldStartWith("opted out");
        events.Where(e => e.Status != WebhookEventStatus.Pending).ShouldAllBe(e => e.Attempts == 1 && e.ProcessedAt != null);

        // The STOP ended the sequence; the replies before and after it were counted on it.
        var sequence = await host.GetSequenceAsync(enrolled.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("reply_count").GetInt32().ShouldBe(3);
        (await host.WithDbAsync(db => db.Suppressions.CountAsync(s => s.ContactId == stranger.Id))).ShouldBe(1);
    }
}
