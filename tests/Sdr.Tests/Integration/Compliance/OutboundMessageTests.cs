using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Sequences;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Compliance;

/// <summary>Conversational messages (answers, STOP confirmations, HELP replies) on their own queue, through the outbound stages.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class OutboundMessageTests
{
    [Fact]
    public async Task AConfirmationPastItsFiveMinutes_IsExpired_AndNeverSent()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var queuedAt = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-6);
        await host.WithDbAsync(async db =>
        {
            db.OutboundMessages.Add(Pending(MessagePurpose.OptOutConfirmation, host.LocationId, contact.Id, queuedAt));
            return await db.SaveChangesAsync();
        });

        await host.Services.GetRequiredService<OutboundMessageRunner>().RunDueAsync(50, CancellationToken.None);
        await host.WaitForWebhooksAsync();

        var row = await host.WithDbAsync(db => db.OutboundMessages.AsNoTracking().SingleAsync());
        row.Status.ShouldBe(OutboundMessageStatus.Expired);
        row.Reason.ShouldNotBeNull().ShouldContain("never sent");
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == contact.Id);
    }

    [Fact]
    public async Task LateAtNight_AnAnswerWaitsForTheMorning_WhileAHelpReplyGoesAtOnce()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contacts = host.TextableContacts(2);

        // 04:00 UTC: 23:00 on the US east coast, 20:00 on the west coast.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 4, 0, 0, TimeSpan.Zero));
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await host.WithDbAsync(async db =>
        {
            db.OutboundMessages.AddRange(
                Pending(MessagePurpose.Answer, host.LocationId, contacts[0].Id, now),
                Pending(MessagePurpose.HelpReply, host.LocationId, contacts[1].Id, now));
            return await db.SaveChangesAsync();
        });

        await host.Services.GetRequiredService<OutboundMessageRunner>().RunDueAsync(50, CancellationToken.None);
        await host.WaitForWebhooksAsync();

        var rows = await host.WithDbAsync(db => db.OutboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        rows[0].Status.ShouldBe(OutboundMessageStatus.Pending);
        rows[0].NotBefore.ShouldBeGreaterThan(now.AddHours(3));
        rows[0].Reason.ShouldNotBeNull().ShouldStartWith("hours: outside allowed hours");
        rows[1].Status.ShouldBe(OutboundMessageStatus.Sent);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contacts[1].Id).ShouldBe(1);
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == contacts[0].Id);

        host.Clock.SetUtcNow(rows[0].NotBefore);
        await host.Services.GetRequiredService<OutboundMessageRunner>().RunDueAsync(50, CancellationToken.None);
        await host.WaitForWebhooksAsync();

        (await host.WithDbAsync(db => db.OutboundMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Status).ToListAsync()))
            .ShouldBe([OutboundMessageStatus.Sent, OutboundMessageStatus.Sent]);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contacts[0].Id).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoRunnersAtOnce_NeverSendTheSameMessageTwice(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(40);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await host.WithDbAsync(async db =>
        {
            db.OutboundMessages.AddRange(contacts.Select(c => Pending(MessagePurpose.HelpReply, host.LocationId, c.Id, now)));
            return await db.SaveChangesAsync();
        });

        // This host's own worker runs too: three claimers over the same rows.
        var runners = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<OutboundMessageRunner>(host.Services)).ToList();
        await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueAsync(25, CancellationToken.None))));
        await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueAsync(25, CancellationToken.None))));
        await host.WaitForWebhooksAsync();

        var ids = contacts.Select(c => c.Id).ToHashSet();
        host.Sandbox.State.SentMessages.Where(m => ids.Contains(m.ContactId)).GroupBy(m => m.ContactId).Select(g => g.Count()).ShouldBe(Enumerable.Repeat(1, contacts.Count));
        (await host.WithDbAsync(db => db.OutboundMessages.CountAsync(m => m.Status == OutboundMessageStatus.Sent))).ShouldBe(contacts.Count);
    }

    [Fact]
    public async Task ForASuppressedContact_AnAnswerIsBlockedByTheLedger_WhileAHelpReplyStillGoes()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var now = host.Clock.GetUtcNow().UtcDateTime;

        // Suppressed here only (a manual block): GHL itself would still take a text.
        await host.WithDbAsync(async db =>
        {
            db.Suppressions.Add(new SdrSuppression { ContactId = contact.Id, Reason = "asked on the phone", Source = "manual", CreatedAt = now });
            db.OutboundMessages.AddRange(
                Pending(MessagePurpose.Answer, host.LocationId, contact.Id, now),
                Pending(MessagePurpose.HelpReply, host.LocationId, contact.Id, now));
            return await db.SaveChangesAsync();
        });

        await host.Services.GetRequiredService<OutboundMessageRunner>().RunDueAsync(50, CancellationToken.None);
        await host.WaitForWebhooksAsync();

        var rows = await host.WithDbAsync(db => db.OutboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        rows.Select(m => (m.Purpose, m.Status)).ShouldBe([(MessagePurpose.Answer, OutboundMessageStatus.Blocked), (MessagePurpose.HelpReply, OutboundMessageStatus.Sent)]);
        rows[0].Reason.ShouldNotBeNull().ShouldStartWith("consent: suppressed");
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(1);
    }

    [Fact]
    public async Task ATextLeftInTheGhlActionQueueByAnEarlierVersion_IsFailedNotSent()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await host.WithDbAsync(async db =>
        {
            db.GhlActions.Add(new SdrGhlAction
            {
                Kind = GhlActionKinds.LegacyHelpReply,
                LocationId = host.LocationId,
                ContactId = contact.Id,
                DedupeKey = "legacy:" + contact.Id,
                Payload = "Help text of an earlier version",
                Status = GhlActionStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
            return await db.SaveChangesAsync();
        });

        await host.Services.GetRequiredService<GhlActionRunner>().RunDueAsync(50, CancellationToken.None);
        await host.WaitForWebhooksAsync();

        var row = await host.WithDbAsync(db => db.GhlActions.AsNoTracking().SingleAsync(a => a.ContactId == contact.Id));
        row.Status.ShouldBe(GhlActionStatus.Failed);
        row.LastError.ShouldBe(GhlActionRunner.LegacyTextError);
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == contact.Id);
    }

    private static SdrOutboundMessage Pending(MessagePurpose purpose, string locationId, string contactId, DateTime queuedAt) => new()
    {
        Purpose = purpose,
        LocationId = locationId,
        ContactId = contactId,
        Channel = Channel.Sms,
        DedupeKey = $"{purpose.ToName()}:{locationId}:{contactId}:test",
        Body = "Harbor Realty: reply with your question and we'll get back to you. Reply STOP to opt out.",
        Status = OutboundMessageStatus.Pending,
        NotBefore = queuedAt,
        ExpiresAt = queuedAt + purpose.SendWindow(),
        CreatedAt = queuedAt,
    };
}
