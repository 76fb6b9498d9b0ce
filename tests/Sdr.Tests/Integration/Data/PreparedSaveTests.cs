using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Data;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class PreparedSaveTests
{
    private static readonly DateTime At = new(2026, 3, 2, 15, 4, 5, 123, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_InsertsAndUpdatesRead_BackAsEfWroteThem(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var sequenceId = await EnrolledSequenceAsync(host);

        var touchId = await host.WithDbAsync(async db =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            var touch = NewTouch(sequence, SequenceStep.Voicemail2);
            db.Touches.Add(touch);
            await PreparedSave.SaveChangesAsync(db, CancellationToken.None);

            touch.Status = TouchStatus.Sent;
            touch.GhlMessageId = "msg-1";
            touch.SentAt = At;
            sequence.LastError = "noted";
            await PreparedSave.SaveChangesAsync(db, CancellationToken.None);
            db.Entry(touch).State.ShouldBe(EntityState.Unchanged);

            // An insert leaves its null columns out; an update writes a null it is given.
            touch.Error = "first try failed";
            await PreparedSave.SaveChangesAsync(db, CancellationToken.None);
            touch.Error = null;
            await PreparedSave.SaveChangesAsync(db, CancellationToken.None);
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
        stored.RepliedAt.ShouldBeNull();
        stored.ReplyBody.ShouldBeNull();
        (await host.WithDbAsync(db => db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId))).LastError.ShouldBe("noted");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_UniqueViolationInsideATransaction_UndoesItsRowsAndKeepsTheTransaction(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var sequenceId = await EnrolledSequenceAsync(host);
        await host.WithDbAsync(async db =>
        {
            db.Touches.Add(NewTouch(await db.Sequences.SingleAsync(s => s.Id == sequenceId), SequenceStep.Sms3));
            return await db.SaveChangesAsync();
        });

        var remaining = await host.WithDbAsync(async db =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var fresh = NewTouch(sequence, SequenceStep.Voicemail2);
            var clash = NewTouch(sequence, SequenceStep.Sms3);
            db.Touches.AddRange(fresh, clash);

            var failure = await Should.ThrowAsync<DbUpdateException>(() => PreparedSave.SaveChangesAsync(db, CancellationToken.None));
            DbErrors.IsUniqueViolation(failure).ShouldBeTrue();
            db.Entry(fresh).State.ShouldBe(EntityState.Added);

            // The transaction is still usable: the caller can retry without the contested row.
            db.Entry(clash).State = EntityState.Detached;
            await PreparedSave.SaveChangesAsync(db, CancellationToken.None);
            await transaction.CommitAsync();
            return await db.Touches.AsNoTracking().Where(t => t.SequenceId == sequenceId && (t.Step == SequenceStep.Voicemail2 || t.Step == SequenceStep.Sms3)).Select(t => t.Step).OrderBy(s => s).ToListAsync();
        });

        remaining.ShouldBe([SequenceStep.Sms3, SequenceStep.Voicemail2]);
    }

    [Fact]
    public async Task SaveEntities_WritesThoseEntitiesChanges_AndLeavesTheOthersPendingForTheNextSave()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var sequenceId = await EnrolledSequenceAsync(host);

        await host.WithDbAsync(async db =>
        {
            var sequence = await db.Sequences.SingleAsync(s => s.Id == sequenceId);
            var existing = await db.Touches.SingleAsync(t => t.SequenceId == sequenceId);
            sequence.LastError = "saved later";
            existing.Error = "changed since it was read";
            var touch = NewTouch(sequence, SequenceStep.Voicemail2);
            db.Touches.Add(touch);

            await PreparedSave.SaveEntitiesAsync(db, [touch, existing], CancellationToken.None);
            db.Entry(touch).State.ShouldBe(EntityState.Unchanged);
            db.Entry(existing).State.ShouldBe(EntityState.Unchanged);
            db.Entry(sequence).State.ShouldBe(EntityState.Modified);
            (await db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId)).LastError.ShouldBeNull();
            (await db.Touches.AsNoTracking().SingleAsync(t => t.Id == existing.Id)).Error.ShouldBe("changed since it was read");

            await PreparedSave.SaveChangesAsync(db, CancellationToken.None);
            return 0;
        });

        (await host.WithDbAsync(db => db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequenceId))).LastError.ShouldBe("saved later");
        (await host.WithDbAsync(db => db.Touches.AsNoTracking().CountAsync(t => t.SequenceId == sequenceId))).ShouldBe(2);
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
