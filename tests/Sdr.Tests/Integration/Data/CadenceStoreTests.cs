using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Core.Webhooks;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Data;

/// <summary>The cadence's saves: what a reservation writes, what it leaves for the outcome save, and that nothing is written back.</summary>
public sealed class CadenceStoreTests
{
    private static readonly DateTime At = new(2026, 3, 2, 15, 4, 5, 123, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReservationAndOutcomeSaves_ReadBackAsWritten(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var sequenceId = await EnrolledSequenceAsync(host);

        var touchId = await InScopeAsync(host, async (db, store) =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            var touch = NewTouch(sequence, SequenceStep.Voicemail2);
            db.Touches.Add(touch);
            await store.SaveReservationsAsync([touch], CancellationToken.None);

            touch.Status = TouchStatus.Sent;
            touch.GhlMessageId = "msg-1";
            touch.SentAt = At;
            sequence.LastError = "noted";
            await store.SaveOutcomesAsync(CancellationToken.None);
            db.Entry(touch).State.ShouldBe(EntityState.Unchanged);

            // An insert leaves its null columns out; an update writes a null it is given.
            touch.Error = "first try failed";
            await store.SaveOutcomesAsync(CancellationToken.None);
            touch.Error = null;
            await store.SaveOutcomesAsync(CancellationToken.None);
            return touch.Id;
        });

        touchId.ShouldBeGreaterThan(0);
        var stored = await host.WithDbAsync(db => db.Touches.AsNoTracking().SingleAsync(t => t.Id == touchId));
        stored.Status.ShouldBe(TouchStatus.Sent);
        stored.GhlMessageId.ShouldBe("msg-1");
        stored.SentAt.ShouldBe(At);
        stored.SentAt!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        stored.TouchDate.ShouldBe(DateOnly.FromDateTime(At));
        stored.MessageBody.ShouldBe("Hello there");
        stored.Error.ShouldBeNull();
        (await host.WithDbAsync(db => db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId))).LastError.ShouldBe("noted");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AReservation_WritesOnlyItsTouches_AndLeavesTheSequencesChangesForTheOutcomeSave(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var sequenceId = await EnrolledSequenceAsync(host);

        await InScopeAsync(host, async (db, store) =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            var existing = await db.Touches.SingleAsync(t => t.SequenceId == sequenceId);
            var other = NewTouch(sequence, SequenceStep.Email2);
            db.Touches.Add(other);
            sequence.LastError = "saved later";
            existing.Error = "changed since it was read";
            var touch = NewTouch(sequence, SequenceStep.Voicemail2);
            db.Touches.Add(touch);

            // Whether or not the other changes were detected before, they are not part of the reservation.
            db.ChangeTracker.DetectChanges();
            await store.CheckAndReserveAsync(
                async token =>
                {
                    await store.SaveReservationsAsync([touch, existing], token);
                    return 0;
                },
                CancellationToken.None);

            db.Entry(touch).State.ShouldBe(EntityState.Unchanged);
            db.Entry(existing).State.ShouldBe(EntityState.Unchanged);
            db.Entry(sequence).State.ShouldBe(EntityState.Modified);
            db.Entry(sequence).Property(s => s.LastError).IsModified.ShouldBeTrue();
            db.Entry(sequence).Property(s => s.CurrentStep).IsModified.ShouldBeFalse();
            db.Entry(other).State.ShouldBe(EntityState.Added);
            (await db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId)).LastError.ShouldBeNull();
            (await db.Touches.AsNoTracking().CountAsync(t => t.SequenceId == sequenceId)).ShouldBe(2);
            (await db.Touches.AsNoTracking().SingleAsync(t => t.Id == existing.Id)).Error.ShouldBe("changed since it was read");

            await store.SaveOutcomesAsync(CancellationToken.None);
            return 0;
        });

        (await host.WithDbAsync(db => db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId))).LastError.ShouldBe("saved later");
        (await host.WithDbAsync(db => db.Touches.AsNoTracking().CountAsync(t => t.SequenceId == sequenceId))).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ASavedSequence_IsNotWrittenBackToItsOldStep_ByALaterSave(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var sequenceId = await EnrolledSequenceAsync(host);
        var before = await host.WithDbAsync(db => db.Sequences.AsNoTracking().Select(s => s.CurrentStep).SingleAsync(s => true));

        await InScopeAsync(host, async (db, store) =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            sequence.CurrentStep = SequenceStep.Email2;
            await store.SaveOutcomesAsync(CancellationToken.None);

            var touch = NewTouch(sequence, SequenceStep.Voicemail2);
            db.Touches.Add(touch);
            await store.CheckAndReserveAsync(
                async token =>
                {
                    await store.SaveReservationsAsync([touch], token);
                    return 0;
                },
                CancellationToken.None);
            sequence.LastError = "later";
            await store.SaveOutcomesAsync(CancellationToken.None);
            return 0;
        });

        before.ShouldNotBe(SequenceStep.Email2);
        var stored = await host.WithDbAsync(db => db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId));
        stored.CurrentStep.ShouldBe(SequenceStep.Email2);
        stored.LastError.ShouldBe("later");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AUniqueViolationInTheReservation_UndoesItsRowsAndKeepsTheTransaction(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var sequenceId = await EnrolledSequenceAsync(host);
        await host.WithDbAsync(async db =>
        {
            db.Touches.Add(NewTouch(await db.Sequences.SingleAsync(s => s.Id == sequenceId), SequenceStep.Sms3));
            return await db.SaveChangesAsync();
        });

        var remaining = await InScopeAsync(host, async (db, store) =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            await store.CheckAndReserveAsync(
                async token =>
                {
                    var fresh = NewTouch(sequence, SequenceStep.Voicemail2);
                    var clash = NewTouch(sequence, SequenceStep.Sms3);
                    db.Touches.AddRange(fresh, clash);

                    var failure = await Should.ThrowAsync<DbUpdateException>(() => store.SaveReservationsAsync([fresh, clash], token));
                    DbErrors.IsUniqueViolation(failure).ShouldBeTrue();
                    db.Entry(fresh).State.ShouldBe(EntityState.Added);

                    // The transaction is still usable: the caller can retry without the contested row.
                    db.Entry(clash).State = EntityState.Detached;
                    await store.SaveReservationsAsync([fresh], token);
                    return 0;
                },
                CancellationToken.None);
            return await db.Touches.AsNoTracking().Where(t => t.SequenceId == sequenceId && (t.Step == SequenceStep.Voicemail2 || t.Step == SequenceStep.Sms3)).Select(t => t.Step).OrderBy(s => s).ToListAsync();
        });

        remaining.ShouldBe([SequenceStep.Sms3, SequenceStep.Voicemail2]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PendingInbound_IsAReplyOrOptOutStillWaiting(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var events = new (string Contact, string Endpoint, string Status)[]
        {
            ("replied", WebhookEndpointNames.Reply, WebhookEventStatus.Pending),
            ("stopped", WebhookEndpointNames.OptOut, WebhookEventStatus.Pending),
            ("booked", WebhookEndpointNames.BookingConfirmed, WebhookEventStatus.Pending),
            ("done", WebhookEndpointNames.Reply, WebhookEventStatus.Processed),
        };
        await host.WithDbAsync(async db =>
        {
            db.WebhookEvents.AddRange(events.Select(e => new SdrWebhookEvent
            {
                DedupeKey = "test:" + e.Contact,
                Endpoint = e.Endpoint,
                EventType = "test",
                LocationId = host.LocationId,
                ContactId = e.Contact,
                NextAttemptAt = now.AddHours(1),
                ReceivedAt = now,
                Status = e.Status,
            }));
            return await db.SaveChangesAsync();
        });

        var waiting = await InScopeAsync(host, (_, store) => store.ContactsWithPendingInboundAsync(["replied", "stopped", "booked", "done", "quiet"], CancellationToken.None));

        waiting.Order().ShouldBe(["replied", "stopped"]);
    }

    private static async Task<T> InScopeAsync<T>(SdrTestHost host, Func<SdrDbContext, CadenceStore, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SdrDbContext>(), scope.ServiceProvider.GetRequiredService<CadenceStore>());
    }

    private static async Task<long> EnrolledSequenceAsync(SdrTestHost host)
    {
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        return await host.WithDbAsync(db => db.Sequences.Select(s => s.Id).SingleAsync());
    }

    private static SdrOutreachTouch NewTouch(SdrOutreachSequence sequence, SequenceStep step) => new()
    {
        SequenceId = sequence.Id,
        ContactId = sequence.ContactId,
        LocationId = sequence.LocationId,
        Step = step,
        Channel = "sms",
        MessageBody = "Hello there",
        Status = TouchStatus.Reserved,
        ReservedAt = At,
        TouchDate = DateOnly.FromDateTime(At),
    };
}
