using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Core.Webhooks;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Compliance;

/// <summary>
/// On SQLite a touch is planned (its sequence loaded, its message composed) before the write lock, and
/// checked and reserved under it. These tests hold the lock while a touch waits for it, change the database
/// meanwhile (a STOP, an inbound message, a reservation by someone else), and check that the touch obeys the
/// change: whatever is moved out of the lock later must keep that true.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class WriteLockRaceTests
{
    [Fact]
    public async Task StopRecordedWhileTheTouchWaitsForTheLock_BlocksIt_AndEndsTheSequence()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var (contact, sequenceId) = await EnrolledAndDueAsync(host);

        var result = await WhileTheTouchWaitsAsync(host, sequenceId, db =>
        {
            db.Suppressions.Add(new SdrSuppression { ContactId = contact, Reason = "replied STOP", Source = SuppressionSources.Reply, CreatedAt = host.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });

        result.ShouldBe(SequenceProcessResult.Skipped);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact).ShouldBe(1);
        var sequence = await host.GetSequenceAsync(contact);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task InboundMessageArrivingWhileTheTouchWaitsForTheLock_HoldsIt()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var (contact, sequenceId) = await EnrolledAndDueAsync(host);
        var now = host.Clock.GetUtcNow().UtcDateTime;

        var result = await WhileTheTouchWaitsAsync(host, sequenceId, db =>
        {
            db.WebhookEvents.Add(new SdrWebhookEvent
            {
                DedupeKey = "msg:race-1",
                Endpoint = WebhookEndpointNames.Reply,
                EventType = "InboundMessage",
                LocationId = host.LocationId,
                ContactId = contact,

                // Not yet due for the webhook worker, so it stays pending through the touch's decision.
                NextAttemptAt = now.AddHours(1),
                ReceivedAt = now,
                Status = WebhookEventStatus.Pending,
            });
            return db.SaveChangesAsync();
        });

        result.ShouldBe(SequenceProcessResult.Skipped);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact).ShouldBe(1);
        var sequence = await host.GetSequenceAsync(contact);
        sequence.GetProperty("active").GetBoolean().ShouldBeTrue();
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
        sequence.GetProperty("decisions").EnumerateArray().Last().GetProperty("reason").GetString()!.ShouldContain("still being processed");
    }

    [Fact]
    public async Task StepReservedElsewhereWhileTheTouchWaitsForTheLock_IsNotSentTwice()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var (contact, sequenceId) = await EnrolledAndDueAsync(host);
        var now = host.Clock.GetUtcNow().UtcDateTime;

        var result = await WhileTheTouchWaitsAsync(host, sequenceId, db =>
        {
            db.Touches.Add(new SdrOutreachTouch
            {
                SequenceId = sequenceId,
                ContactId = contact,
                LocationId = host.LocationId,
                Step = SequenceStep.Email1,
                Channel = "email",
                Status = TouchStatus.Reserved,
                ReservedAt = now,
                TouchDate = DateOnly.FromDateTime(now),
            });
            return db.SaveChangesAsync();
        });

        result.ShouldBe(SequenceProcessResult.Skipped);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact).ShouldBe(1);
        var touches = await host.WithDbAsync(db => db.Touches.Where(t => t.SequenceId == sequenceId && t.Step == SequenceStep.Email1).ToListAsync());
        touches.ShouldHaveSingleItem().Status.ShouldBe(TouchStatus.Reserved);

        // Left for the worker that holds the reservation: the sequence neither advances nor records a decision.
        var sequence = await host.GetSequenceAsync(contact);
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
        sequence.GetProperty("decisions").GetArrayLength().ShouldBe(1);
    }

    /// <summary>A contact enrolled (SMS_1 sent) whose next step, EMAIL_1, is due.</summary>
    private static async Task<(string ContactId, long SequenceId)> EnrolledAndDueAsync(SdrTestHost host)
    {
        var contact = host.TextableContacts(1)[0].Id;
        (await host.EnrollAsync(contact)).EnsureSuccessStatusCode();
        var due = (await host.GetSequenceAsync(contact)).GetProperty("next_touch_at").GetDateTimeOffset();
        host.Clock.SetUtcNow(due.AddMinutes(1));
        var sequenceId = await host.WithDbAsync(db => db.Sequences.Where(s => s.ContactId == contact).Select(s => s.Id).SingleAsync());
        return (contact, sequenceId);
    }

    /// <summary>
    /// Holds the write lock, starts the sequence's next touch, waits until it queues for the lock (its
    /// reads done), makes <paramref name="change"/>, then lets it in.
    /// </summary>
    private static async Task<SequenceProcessResult?> WhileTheTouchWaitsAsync(SdrTestHost host, long sequenceId, Func<SdrDbContext, Task<int>> change)
    {
        var gate = host.Services.GetRequiredService<SqliteWriteGate>();
        var scheduler = host.Services.GetRequiredService<CadenceScheduler>();
        Task<SequenceProcessResult?> touch;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            touch = scheduler.ProcessSequenceNowAsync(sequenceId);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (gate.Waiting == 0 && !touch.IsCompleted)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the touch never queued for the write lock");
                await Task.Delay(5);
            }

            touch.IsCompleted.ShouldBeFalse("the touch finished without the write lock");
            await host.WithDbAsync(change);
        }

        return await touch;
    }
}
