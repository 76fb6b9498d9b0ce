using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Sequences;
using Sdr.Core.Webhooks;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>STOP, HELP and START through the real webhook path, the inbox, the processor and GHL.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class OptOutFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StopReply_EndsTheSequence_SetsDndAndTagInGhl_ConfirmsOnce_AndNothingMoreIsSent(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var tagsBefore = contact.Tags.ToList();

        var stop = await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "Stop texting me please", SdrTestHost.Webhook("reply"));
        stop.StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync();

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
        var state = host.Sandbox.State;
        state.DndUpdates.ShouldContain(d => d.ContactId == contact.Id);
        contact.DndSettings["SMS"].Status.ShouldBe("active");
        state.TagChanges.ShouldContain(t => t.ContactId == contact.Id && t.Tag.Equals("SDR-Opted-Out", StringComparison.OrdinalIgnoreCase) && t.Added);
        contact.Tags.ShouldBe([.. tagsBefore, "sdr-opted-out"], ignoreOrder: true); // GHL keeps tags in lower case
        state.Requests.ShouldNotContain(r => r.Method == "PUT" && r.Path.EndsWith("/tags", StringComparison.Ordinal));
        var confirmations = state.SentMessages.Where(m => m.ContactId == contact.Id && m.Body!.Contains("unsubscribed")).ToList();
        confirmations.Count.ShouldBe(1);

        // A second STOP (a new message) confirms nothing more; the cadence sends nothing more, ever.
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "STOP", SdrTestHost.Webhook("reply"));
        await host.WaitForWebhooksAsync();
        var sentBefore = state.SentMessages.Count(m => m.ContactId == contact.Id);
        for (var day = 0; day < 25; day++)
        {
            host.Clock.Advance(TimeSpan.FromDays(1));
            await host.ProcessBatchAsync();
        }

        state.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(sentBefore);
        state.SentMessages.Count(m => m.ContactId == contact.Id && m.Body!.Contains("unsubscribed")).ShouldBe(1);
        state.WorkflowEnrollments.ShouldNotContain(w => w.ContactId == contact.Id);
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        state.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(sentBefore);
    }

    [Fact]
    public async Task EveryFormOfStop_ThroughTheWebhook_EndsTheSequence_AndLookAlikesDoNot()
    {
        string[] optOuts = ["STOPALL", "Unsubscribe.", "¡No más mensajes!", "stop 🛑", "QUIT", "please don’t text me again", "Wrong number", "cancel"];
        string[] lookAlikes = ["Can I stop by the open house Saturday?", "Don't stop, this is helpful"];
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contacts = host.TextableContacts(optOuts.Length + lookAlikes.Length);
        (await host.EnrollAsync([.. contacts.Select(c => c.Id)])).EnsureSuccessStatusCode();

        var bodies = optOuts.Concat(lookAlikes).ToArray();
        for (var i = 0; i < bodies.Length; i++)
        {
            (await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contacts[i].Id, bodies[i], SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await host.WaitForWebhooksAsync();
        for (var i = 0; i < bodies.Length; i++)
        {
            var step = (await host.GetSequenceAsync(contacts[i].Id)).GetProperty("current_step").GetString();
            if (i < optOuts.Length)
            {
                step.ShouldBe("opted_out", bodies[i]);
            }
            else
            {
                step.ShouldNotBe("opted_out", bodies[i]);
            }
        }
    }

    [Fact]
    public async Task StopWhileGhlIsDown_TakesEffectLocallyAtOnce_AndReachesGhlWhenItIsBack()
    {
        // The breaker (30 min on the wall clock) is kept closed so GHL can "come back" within the test.
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["sdr:performance:circuit_breaker_failure_threshold"] = "100" });
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var faults = host.Sandbox.State.Faults;
        faults.Enqueue(new SandboxFault("PUT", "/contacts/", StatusCode: 503, Count: 1000));
        faults.Enqueue(new SandboxFault("POST", "/contacts/", StatusCode: 503, Count: 1000));
        faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 503, Count: 1000));

        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "UNSUBSCRIBE", SdrTestHost.Webhook("reply"));
        await WaitForEventsAsync(host);

        (await host.GetSequenceAsync(contact.Id)).GetProperty("current_step").GetString().ShouldBe("opted_out");
        (await host.WithDbAsync(db => db.Suppressions.CountAsync(s => s.ContactId == contact.Id))).ShouldBe(1);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.ProcessBatchAsync();
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(1); // SMS_1 only

        for (var i = 0; i < 200 && await host.WithDbAsync(db => db.GhlActions.AnyAsync(a => a.Attempts == 0)); i++)
        {
            await Task.Delay(50); // the worker's first try, while GHL is still down
        }

        // GHL is back: as time passes the queued updates are retried with backoff until GHL accepts.
        faults.Clear();
        for (var i = 0; i < 40 && await host.WithDbAsync(db => db.GhlActions.AnyAsync(a => a.Status == GhlActionStatus.Pending)); i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await host.WaitForWebhooksAsync();
        }

        contact.DndSettings["SMS"].Status.ShouldBe("active");
        contact.Tags.ShouldContain("sdr-opted-out");
        var actions = await host.WithDbAsync(db => db.GhlActions.Where(a => a.ContactId == contact.Id).ToListAsync());
        actions.Where(a => a.Kind is GhlActionKinds.SetSmsDnd or GhlActionKinds.AddTag).Select(a => (a.Kind, a.Status, Retried: a.Attempts > 1))
            .ShouldBe([(GhlActionKinds.SetSmsDnd, GhlActionStatus.Done, true), (GhlActionKinds.AddTag, GhlActionStatus.Done, true)], ignoreOrder: true);
    }

    [Fact]
    public async Task ATouchDueWhileAStopWaitsInTheInbox_IsHeldUntilItIsProcessed()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Webhooks:ProcessingEnabled"] = "false" });
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        (await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "STOP", SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Clock.Advance(TimeSpan.FromHours(30));
        await host.ProcessBatchAsync();

        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(1); // SMS_1 only
        var decision = (await host.GetSequenceAsync(contact.Id)).GetProperty("decisions").EnumerateArray().Last();
        decision.GetProperty("outcome").GetString().ShouldBe("deferred");
        decision.GetProperty("reason").GetString()!.ShouldContain("inbound message");
    }

    [Fact]
    public async Task StopFromOneContact_StopsEverySequenceOfTheSamePhoneNumber()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var twin = host.Sandbox.State.AddContact(new SandboxContact
        {
            LocationId = host.LocationId,
            FirstName = "Same",
            LastName = "Person",
            Phone = contact.Phone,
            Timezone = contact.Timezone,
            State = contact.State,
        });
        (await host.EnrollAsync(contact.Id, twin.Id)).EnsureSuccessStatusCode();

        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "Remove me from your list", SdrTestHost.Webhook("reply"));
        await host.WaitForWebhooksAsync();

        (await host.GetSequenceAsync(twin.Id)).GetProperty("current_step").GetString().ShouldBe("opted_out");
        twin.Tags.ShouldContain("sdr-opted-out");
    }

    [Fact]
    public async Task Help_GetsOneHelpTextPerDay_AndStartRenewsConsentWithoutReEnrolling()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var reply = SdrTestHost.Webhook("reply");
        var webhooks = host.Sandbox.Webhooks;

        await webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "HELP", reply);
        await webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "help?", reply);
        await host.WaitForWebhooksAsync();
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id && m.Body!.Contains("Reply with your question")).ShouldBe(1);
        (await host.GetSequenceAsync(contact.Id)).GetProperty("active").GetBoolean().ShouldBeTrue();

        await webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "STOP", reply);
        await host.WaitForWebhooksAsync();
        await webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "START", reply);
        await host.WaitForWebhooksAsync();

        (await host.WithDbAsync(db => db.Suppressions.CountAsync(s => s.ContactId == contact.Id))).ShouldBe(0);
        contact.DndSettings["SMS"].Status.ShouldBe("inactive");
        contact.Tags.ShouldNotContain("sdr-opted-out");
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("category").GetString())
            .ShouldBe(["help", "help", "opt_out", "start"]);
    }

    [Fact]
    public async Task ATextLeftSendingByACrash_IsMarkedUnknownOnceItsLeasePasses_AndNeverSentAgain()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contacts = host.TextableContacts(2);
        var now = host.Clock.GetUtcNow().UtcDateTime;

        // What a crash between "sending" and GHL's answer leaves: one text handed over 11 minutes ago,
        // one 5 minutes ago (the process may still be waiting for GHL's answer to that one).
        await host.WithDbAsync(async db =>
        {
            db.OutboundMessages.AddRange(
                SendingText(contacts[0].Id, host.LocationId, now.AddMinutes(-11)),
                SendingText(contacts[1].Id, host.LocationId, now.AddMinutes(-5)));
            return await db.SaveChangesAsync();
        });
        var runner = host.Services.GetRequiredService<OutboundMessageRunner>();

        await runner.RunDueAsync(50, CancellationToken.None);
        var rows = await host.WithDbAsync(db => db.OutboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        rows[0].Status.ShouldBe(OutboundMessageStatus.Unknown);
        rows[0].Reason.ShouldNotBeNull().ShouldContain("not re-sent");
        rows[1].Status.ShouldBe(OutboundMessageStatus.Sending);

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await runner.RunDueAsync(50, CancellationToken.None);
        (await host.WithDbAsync(db => db.OutboundMessages.AsNoTracking().Select(m => m.Status).ToListAsync())).ShouldAllBe(s => s == OutboundMessageStatus.Unknown);
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == contacts[0].Id || m.ContactId == contacts[1].Id);
    }

    private static SdrOutboundMessage SendingText(string contactId, string locationId, DateTime handedOverAt) => new()
    {
        Purpose = MessagePurpose.OptOutConfirmation,
        LocationId = locationId,
        ContactId = contactId,
        Channel = Channel.Sms,
        DedupeKey = "crash-test:" + contactId,
        Body = "You are unsubscribed and will receive no more messages.",
        Status = OutboundMessageStatus.Sending,
        Attempts = 0,
        NotBefore = handedOverAt,
        ExpiresAt = handedOverAt.AddMinutes(5),
        ClaimedUntil = handedOverAt.AddMinutes(10),
        CreatedAt = handedOverAt,
    };

    [Fact]
    public async Task StopRightAfterAStageChange_InTheSameBatch_KeepsTheContactFromBeingEnrolled()
    {
        // Processing off: both events wait in the inbox and are handled in one batch, in arrival order.
        var source = "stage-source";
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["sdr:prospecting:ghl_pipeline_stage_ids:0"] = source,
            ["Webhooks:ProcessingEnabled"] = "false",
        });
        var contact = host.TextableContacts(1)[0];
        var webhooks = host.Sandbox.Webhooks;
        (await webhooks.SendOpportunityStageUpdateAsync(SdrTestHost.Webhook("stage-change"), Opportunity(host, contact.Id, source))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "STOP", SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var processor = host.Services.GetRequiredService<WebhookProcessor>();
        (await processor.ProcessDueAsync(100, CancellationToken.None)).ShouldBe(2);
        await host.Services.GetRequiredService<GhlActionRunner>().RunDueAsync(50, CancellationToken.None);
        await host.WaitForWebhooksAsync(); // the outbox worker may have claimed some of them first

        // The stage change only queued the enrolment (its GHL calls stay off the ordered processing). The outbox
        // may run it before or after the STOP is saved: after, the contact is suppressed and not enrolled; before,
        // SMS_1 is held by the STOP still waiting in the inbox, and the STOP then ends the new sequence.
        (await host.WithDbAsync(db => db.GhlActions.SingleAsync(a => a.Kind == GhlActionKinds.EnrollContact && a.ContactId == contact.Id)))
            .Status.ShouldBe(GhlActionStatus.Done);

        // Enrolment only queues SMS_1; the woken cadence worker tries it at once, and its consent stage finds the STOP.
        await host.SendDueFirstTouchesAsync([contact.Id]);
        var sequences = await host.WithDbAsync(db => db.Sequences.Where(s => s.ContactId == contact.Id).ToListAsync());
        sequences.ShouldAllBe(s => s.CurrentStep == SequenceStep.OptedOut && !s.IsActive);
        contact.DndSettings["SMS"].Status.ShouldBe("active");
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == contact.Id && !m.Body!.Contains("unsubscribed"));
        var sent = host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id);
        for (var day = 0; day < 20; day++)
        {
            host.Clock.Advance(TimeSpan.FromDays(1));
            await host.ProcessBatchAsync();
        }

        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(sent);
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == contact.Id && !m.Body!.Contains("unsubscribed"));
    }

    [Fact]
    public async Task ContactDndUpdate_OptsOutWithoutAConfirmationText()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var update = new JsonObject
        {
            ["type"] = "ContactDndUpdate",
            ["locationId"] = host.LocationId,
            ["id"] = contact.Id,
            ["phone"] = contact.Phone,
            ["dnd"] = false,
            ["dndSettings"] = new JsonObject
            {
                ["SMS"] = new JsonObject { ["status"] = "active", ["message"] = "STOP received by GHL", ["code"] = "103" },
                ["Email"] = new JsonObject { ["status"] = "inactive", ["message"] = "", ["code"] = "" },
            },
        };

        (await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("opt-out"), update)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync();

        (await host.GetSequenceAsync(contact.Id)).GetProperty("current_step").GetString().ShouldBe("opted_out");
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(1); // SMS_1 only
        var suppression = await host.WithDbAsync(db => db.Suppressions.SingleAsync(s => s.ContactId == contact.Id));
        suppression.Channel.ShouldBe("sms");
        suppression.Source.ShouldBe("ghl_dnd");
    }

    [Fact]
    public async Task DndSetInGhlWithoutAWebhook_GhlRefusesTheText_AndTheSequenceEnds()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        // Someone sets SMS DND in GHL's UI; no webhook is configured to tell us.
        using var ghl = new HttpClient { BaseAddress = host.Sandbox.BaseUrl };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"contacts/{contact.Id}")
        {
            Content = new StringContent("""{"dndSettings":{"SMS":{"status":"active","message":"set by an agent"}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        put.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.Sandbox.State.Locations[0].Token);
        put.Headers.Add("Version", "2021-07-28");
        (await ghl.SendAsync(put)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.ProcessBatchAsync();
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.ProcessBatchAsync();

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("decisions").EnumerateArray().ShouldContain(d => d.GetProperty("reason").GetString()!.Contains("GHL DND is active"));
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id && m.Type == "SMS").ShouldBe(1);
    }

    [Fact]
    public async Task AppointmentCreate_BooksAndStopsTheCadence_StageChangesStopOrEnrol()
    {
        var stop = "stage-stop";
        var source = "stage-source";
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["sdr:prospecting:stop_stage_ids:0"] = stop,
            ["sdr:prospecting:ghl_pipeline_stage_ids:0"] = source,
        });
        var contacts = host.TextableContacts(3);
        (await host.EnrollAsync(contacts[0].Id, contacts[1].Id)).EnsureSuccessStatusCode();
        var webhooks = host.Sandbox.Webhooks;
        var now = host.Clock.GetUtcNow();

        await webhooks.SendAppointmentCreateAsync(
            SdrTestHost.Webhook("booking-confirmed"),
            new SandboxAppointment("apt-1", host.LocationId, host.Sandbox.State.Calendar(host.LocationId).Id, contacts[0].Id, now.AddDays(2), now.AddDays(2).AddMinutes(30), "Listing consult", "confirmed", now));
        await webhooks.SendOpportunityStageUpdateAsync(SdrTestHost.Webhook("stage-change"), Opportunity(host, contacts[1].Id, stop));
        await webhooks.SendOpportunityStageUpdateAsync(SdrTestHost.Webhook("stage-change"), Opportunity(host, contacts[2].Id, source));
        await host.WaitForWebhooksAsync();

        var booked = await host.GetSequenceAsync(contacts[0].Id);
        booked.GetProperty("current_step").GetString().ShouldBe("booked");
        booked.GetProperty("active").GetBoolean().ShouldBeFalse();
        (await host.GetSequenceAsync(contacts[1].Id)).GetProperty("active").GetBoolean().ShouldBeFalse();
        var enrolled = await host.GetSequenceAsync(contacts[2].Id);
        enrolled.GetProperty("active").GetBoolean().ShouldBeTrue();
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contacts[2].Id).ShouldBe(0, "enrolment queues SMS_1 for the cadence");
        await host.SendDueFirstTouchesAsync([contacts[2].Id]);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contacts[2].Id).ShouldBe(1);
    }

    private static SandboxOpportunity Opportunity(SdrTestHost host, string contactId, string stageId) => new()
    {
        Id = "opp-" + contactId,
        LocationId = host.LocationId,
        PipelineId = "pipe-1",
        PipelineStageId = stageId,
        ContactId = contactId,
        Name = "Seller lead",
        Status = "open",
        CreatedAt = host.Clock.GetUtcNow(),
    };

    /// <summary>Waits for the inbox only (GHL actions stay pending while GHL is failing).</summary>
    private static async Task WaitForEventsAsync(SdrTestHost host)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await host.WithDbAsync(db => db.WebhookEvents.AllAsync(e => e.Status != WebhookEventStatus.Pending)))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("webhook events still pending");
    }
}
