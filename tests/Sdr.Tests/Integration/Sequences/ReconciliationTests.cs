using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

/// <summary>Touches whose outcome is unknown are settled against the contact's GHL conversation history.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ReconciliationTests
{
    /// <summary>Past the default reservation timeout (10 minutes): the reconciler may look.</summary>
    private static readonly TimeSpan PastReservationTimeout = TimeSpan.FromMinutes(11);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LostSmsResponse_GhlTookIt_IsReconciledAsSent_AndNotResent(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, ApplyBeforeFailing: true));
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var held = await host.GetSequenceAsync(contact.Id);
        held.GetProperty("current_step").GetString().ShouldBe("enrolled");
        held.GetProperty("next_touch_at").ValueKind.ShouldBe(JsonValueKind.Null);
        Touch(held, "sms_1").GetProperty("status").GetString().ShouldBe(TouchStatus.Unknown.ToName());

        host.Clock.Advance(PastReservationTimeout);
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("reconciled").GetInt32().ShouldBe(1);
        batch.GetProperty("dispatched").GetInt32().ShouldBe(0);
        var sent = host.Sandbox.State.SentMessages.ShouldHaveSingleItem();
        var sequence = await host.GetSequenceAsync(contact.Id);
        var touch = Touch(sequence, "sms_1");
        touch.GetProperty("status").GetString().ShouldBe(TouchStatus.Sent.ToName());
        touch.GetProperty("ghl_message_id").GetString().ShouldBe(sent.MessageId);
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
        sequence.GetProperty("last_error").ValueKind.ShouldBe(JsonValueKind.Null);

        // The cadence goes on as after any confirmed send.
        host.Clock.Advance(TimeSpan.FromHours(24));
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(1);
        host.Sandbox.State.SentMessages.Count(m => m.Type == "SMS").ShouldBe(1);
        host.Sandbox.State.SentMessages.Count(m => m.Type == "Email").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LostSmsResponse_GhlDidNotTakeIt_IsSentExactlyOnceMore(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500));
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        host.Sandbox.State.SentMessages.ShouldBeEmpty();

        host.Clock.Advance(PastReservationTimeout);
        var batch = await host.ProcessBatchAsync();
        var again = await host.ProcessBatchAsync();

        batch.GetProperty("reconciled").GetInt32().ShouldBe(1);
        batch.GetProperty("dispatched").GetInt32().ShouldBe(1);
        again.GetProperty("processed").GetInt32().ShouldBe(0);
        var sent = host.Sandbox.State.SentMessages.ShouldHaveSingleItem();
        var sequence = await host.GetSequenceAsync(contact.Id);
        Touch(sequence, "sms_1").GetProperty("status").GetString().ShouldBe(TouchStatus.Sent.ToName());
        Touch(sequence, "sms_1").GetProperty("ghl_message_id").GetString().ShouldBe(sent.MessageId);
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
        Decisions(sequence).ShouldContain(d => d.Step == "sms_1" && d.Reason.Contains("GHL did not take it"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentBatches_ReconcileEachTouchOnce_AndResendItOnce(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(6).Select(c => c.Id).ToArray();
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, Count: 3));
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, Count: 3, ApplyBeforeFailing: true));
        foreach (var contact in contacts)
        {
            (await host.EnrollAsync(contact)).EnsureSuccessStatusCode();
        }

        host.Sandbox.State.SentMessages.Count.ShouldBe(3);
        host.Clock.Advance(PastReservationTimeout);

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.ProcessBatchAsync()));
        var drained = await host.ProcessBatchAsync();

        (batches.Sum(b => b.GetProperty("reconciled").GetInt32()) + drained.GetProperty("reconciled").GetInt32()).ShouldBe(6);
        var sent = host.Sandbox.State.SentMessages;
        sent.Count.ShouldBe(6);
        sent.Select(m => m.ContactId).Distinct().Count().ShouldBe(6);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GhlHistoryUnavailable_TouchStaysUnknown_AndIsReconciledLater(string provider)
    {
        // The breaker runs on the real clock; kept closed so the outage is seen as failed reads.
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:performance:circuit_breaker_failure_threshold"] = "100" });
        var contact = host.TextableContacts(1)[0];
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, ApplyBeforeFailing: true));
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        host.Clock.Advance(PastReservationTimeout);
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("GET", "/conversations/search", StatusCode: 503, Count: 20));
        var down = await host.ProcessBatchAsync();

        down.GetProperty("reconciled").GetInt32().ShouldBe(0);
        var waiting = await host.GetSequenceAsync(contact.Id);
        Touch(waiting, "sms_1").GetProperty("status").GetString().ShouldBe(TouchStatus.Unknown.ToName());
        Touch(waiting, "sms_1").GetProperty("needs_review").GetBoolean().ShouldBeFalse();
        waiting.GetProperty("current_step").GetString().ShouldBe("enrolled");

        // Looked at again only after the backoff (retry_base_delay_minutes, 5), once GHL is back.
        host.Sandbox.State.Faults.Clear();
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        (await host.ProcessBatchAsync()).GetProperty("reconciled").GetInt32().ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var back = await host.ProcessBatchAsync();

        back.GetProperty("reconciled").GetInt32().ShouldBe(1);
        host.Sandbox.State.SentMessages.ShouldHaveSingleItem();
        var sequence = await host.GetSequenceAsync(contact.Id);
        Touch(sequence, "sms_1").GetProperty("status").GetString().ShouldBe(TouchStatus.Sent.ToName());
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GhlCircuitOpen_SpendsNoReconciliationAttempt(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:sequence:reconcile_max_attempts"] = "1" });
        var contact = host.TextableContacts(1)[0];
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, ApplyBeforeFailing: true));
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        host.Clock.Advance(PastReservationTimeout);
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("GET", "/conversations/search", StatusCode: 503, Count: 20));
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("reconciled").GetInt32().ShouldBe(0);
        var touch = Touch(await host.GetSequenceAsync(contact.Id), "sms_1");
        touch.GetProperty("status").GetString().ShouldBe(TouchStatus.Unknown.ToName());
        touch.GetProperty("needs_review").GetBoolean().ShouldBeFalse();
        touch.GetProperty("error").GetString()!.ShouldContain("circuit breaker");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GhlHistoryUnavailableTooLong_TouchIsFlagged_NeverResent(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:sequence:reconcile_max_attempts"] = "1" });
        var contact = host.TextableContacts(1)[0];
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500));
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        host.Clock.Advance(PastReservationTimeout);
        // A plain refusal (not the circuit breaker) spends the one attempt allowed.
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("GET", "/conversations/search", StatusCode: 400));
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("reconciled").GetInt32().ShouldBe(1);
        batch.GetProperty("dispatched").GetInt32().ShouldBe(0);
        host.Sandbox.State.SentMessages.ShouldBeEmpty();
        var sequence = await host.GetSequenceAsync(contact.Id);
        var touch = Touch(sequence, "sms_1");
        touch.GetProperty("status").GetString().ShouldBe(TouchStatus.Unknown.ToName());
        touch.GetProperty("needs_review").GetBoolean().ShouldBeTrue();
        touch.GetProperty("error").GetString()!.ShouldContain("flagged for review");
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task VoicemailByWorkflow_OfUnknownOutcome_IsFlagged_AndTheSequenceMovesOn(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        await RunCadenceUntilAsync(host, contact.Id, "sms_2");

        // The voicemail drop is a workflow enrolment; GHL takes it but the answer is lost.
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("POST", $"/contacts/{contact.Id}/workflow/", StatusCode: 500, ApplyBeforeFailing: true));
        while (host.Sandbox.State.WorkflowEnrollments.Count == 0)
        {
            host.Clock.Advance(TimeSpan.FromHours(6));
            await host.ProcessBatchAsync();
        }

        host.Clock.Advance(PastReservationTimeout);
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("reconciled").GetInt32().ShouldBe(1);
        host.Sandbox.State.WorkflowEnrollments.ShouldHaveSingleItem();
        var sequence = await host.GetSequenceAsync(contact.Id);
        var touch = Touch(sequence, "voicemail_1");
        touch.GetProperty("status").GetString().ShouldBe(TouchStatus.Unknown.ToName());
        touch.GetProperty("needs_review").GetBoolean().ShouldBeTrue();
        touch.GetProperty("error").GetString()!.ShouldContain("workflow");
        sequence.GetProperty("current_step").GetString().ShouldBe("voicemail_1");
        sequence.GetProperty("last_error").GetString()!.ShouldContain("flagged for review");
        Decisions(sequence).ShouldContain(d => d.Step == "voicemail_1" && d.Reason.Contains("moves on to the next step"));

        // The next step goes out on time; the flagged drop is never triggered again.
        await RunCadenceUntilAsync(host, contact.Id, "email_2");
        host.Sandbox.State.WorkflowEnrollments.ShouldHaveSingleItem();
        host.Sandbox.State.SentMessages.Count(m => m.Type == "Email").ShouldBe(2);
    }

    private static async Task RunCadenceUntilAsync(SdrTestHost host, string contactId, string step)
    {
        for (var i = 0; i < 40 && (await host.GetSequenceAsync(contactId)).GetProperty("current_step").GetString() != step; i++)
        {
            host.Clock.Advance(TimeSpan.FromHours(6));
            await host.ProcessBatchAsync();
        }

        (await host.GetSequenceAsync(contactId)).GetProperty("current_step").GetString().ShouldBe(step);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StaleReservation_NotInGhlHistory_IsSentOnce(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromHours(24));

        // What a process killed mid-call leaves behind: a reserved email_1 that was never confirmed.
        await host.WithDbAsync(async db =>
        {
            var sequence = await db.Sequences.SingleAsync();
            db.Touches.Add(new SdrOutreachTouch
            {
                SequenceId = sequence.Id,
                ContactId = sequence.ContactId,
                LocationId = sequence.LocationId,
                Step = SequenceStep.Email1,
                Channel = "email",
                MessageBody = "Hi, following up by email.",
                Status = TouchStatus.Reserved,
                ReservedAt = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-30),
                TouchDate = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime),
            });
            return await db.SaveChangesAsync();
        });

        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("reconciled").GetInt32().ShouldBe(1);
        batch.GetProperty("dispatched").GetInt32().ShouldBe(1);
        host.Sandbox.State.SentMessages.Count(m => m.Type == "Email").ShouldBe(1);
        var view = await host.GetSequenceAsync(contact.Id);
        Touch(view, "email_1").GetProperty("status").GetString().ShouldBe(TouchStatus.Sent.ToName());
        view.GetProperty("current_step").GetString().ShouldBe("email_1");
    }

    private static JsonElement Touch(JsonElement sequence, string step) =>
        sequence.GetProperty("touches").EnumerateArray().Single(t => t.GetProperty("step").GetString() == step);

    private static List<(string Step, string Reason)> Decisions(JsonElement sequence) =>
        sequence.GetProperty("decisions").EnumerateArray()
            .Select(d => (d.GetProperty("step").GetString()!, d.GetProperty("reason").GetString()!))
            .ToList();
}
