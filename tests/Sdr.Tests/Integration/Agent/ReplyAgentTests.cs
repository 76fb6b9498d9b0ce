using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Agent;

/// <summary>
/// The agent half through the real path: a signed reply webhook, the inbox, the ordered processor (classify,
/// pause, queue), the agent on the outbox's loop (answer, qualify, hand off) and the outbound stages to the sandbox.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ReplyAgentTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PriceObjection_IsAnsweredAtOnce_PausesTheCadence_AndIsLoggedWithItsRebuttal(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sentBefore = SentTo(host, contact.Id).Count;

        await ReplyAsync(host, contact.Id, "Prices are way too expensive right now, we can't afford anything");

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("paused").GetBoolean().ShouldBeTrue();
        sequence.GetProperty("pause_reason").GetString()!.ShouldContain("replied");
        sequence.GetProperty("resumes_at").GetDateTimeOffset().ShouldBe(host.Clock.GetUtcNow().AddHours(48), TimeSpan.FromMinutes(1));
        sequence.GetProperty("next_touch_at").ValueKind.ShouldBe(JsonValueKind.Null);
        var reply = sequence.GetProperty("replies")[0];
        reply.GetProperty("category").GetString().ShouldBe("price");
        reply.GetProperty("decided_by").GetString().ShouldBe("patterns");
        reply.GetProperty("rule").GetString().ShouldNotBeNullOrEmpty();
        reply.GetProperty("action").GetString()!.ShouldStartWith("answered price");

        var answers = SentTo(host, contact.Id).Skip(sentBefore).ToList();
        answers.Count.ShouldBe(1);
        answers[0].Body!.ShouldContain("Alex");
        var log = await host.WithDbAsync(db => db.ObjectionLogs.SingleAsync(o => o.ContactId == contact.Id));
        log.ObjectionType.ShouldBe("price");
        log.RebuttalUsed.ShouldBe(answers[0].Body);
        log.RebuttalSource.ShouldBe("template:price.default");
        log.Outcome.ShouldBeNull();

        // The cadence sends nothing more while the conversation is paused.
        host.Clock.Advance(TimeSpan.FromHours(30));
        await host.ProcessBatchAsync();
        SentTo(host, contact.Id).Count.ShouldBe(sentBefore + 1);

        var stats = await host.Client.GetFromJsonAsync<JsonElement>($"/sdr/stats/objections?location_id={host.LocationId}&days=7");
        var price = stats.GetProperty("objections").EnumerateArray().Single(o => o.GetProperty("objection_type").GetString() == "price");
        price.GetProperty("count").GetInt32().ShouldBe(1);
        price.GetProperty("rate").GetDouble().ShouldBe(1.0);
        price.GetProperty("outcomes").GetProperty("pending").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task NotInterested_OptsOutExactlyLikeStop_WithOnePoliteClosingText()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, "Not interested.");

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("replies")[0].GetProperty("category").GetString().ShouldBe("not_interested");
        (await host.WithDbAsync(db => db.Suppressions.CountAsync(s => s.ContactId == contact.Id))).ShouldBe(1);
        contact.DndSettings["SMS"].Status.ShouldBe("active");
        host.Sandbox.State.TagChanges.ShouldContain(t => t.ContactId == contact.Id && t.Added && t.Tag.Equals("SDR-Opted-Out", StringComparison.OrdinalIgnoreCase));
        var closing = SentTo(host, contact.Id).Where(m => m.Body!.Contains("won't reach out again")).ToList();
        closing.Count.ShouldBe(1);
        var log = await host.WithDbAsync(db => db.ObjectionLogs.SingleAsync(o => o.ContactId == contact.Id));
        (log.ObjectionType, log.Outcome).ShouldBe(("not_interested", "opted_out"));
    }

    [Fact]
    public async Task Timing_AnswersOnce_AndRestsTheContactAtNurturePause()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, "not right now, maybe next year");

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("nurture_pause");
        sequence.GetProperty("paused").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("next_touch_at").GetDateTimeOffset().ShouldBeGreaterThan(host.Clock.GetUtcNow().AddDays(89));
        sequence.GetProperty("events").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "nurture");
        SentTo(host, contact.Id).ShouldContain(m => m.Body!.Contains("check back"));
    }

    [Fact]
    public async Task TimingWithANearTimeline_IsQualified_NotRested()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, "3 bedrooms, and we'd like to move in the next few months.");

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldNotBe("nurture_pause");
        sequence.GetProperty("paused").GetBoolean().ShouldBeTrue();
        sequence.GetProperty("replies")[0].GetProperty("action").GetString()!.ShouldStartWith("qualifying question asked");
    }

    [Fact]
    public async Task EmailReply_WithHtmlAndQuotedHistory_IsReadFromItsOwnText_AndAnsweredByEmail()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(40).First(c => !string.IsNullOrEmpty(c.Email));
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var body = "<html><body><p>We already have a realtor we like, thanks.</p><br><div>On Mon, Mar 2, 2026 at 3:30 PM Alex &lt;alex@harbor.example&gt; wrote:</div>"
            + "<blockquote>Are you still thinking about a move this year? Reply STOP to opt out</blockquote></body></html>";
        var message = new SandboxMessage("email-reply-1", "conversation-1", host.LocationId, contact.Id, "Email", "inbound", body, "Re: your home", "delivered", host.Clock.GetUtcNow());

        (await host.Sandbox.Webhooks.SendInboundMessageAsync(SdrTestHost.Webhook("reply"), message)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync();

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldNotBe("opted_out", "the quoted STOP notice is ours, not the prospect's");
        var reply = sequence.GetProperty("replies")[0];
        reply.GetProperty("category").GetString().ShouldBe("already_agent");
        reply.GetProperty("channel").GetString().ShouldBe("Email");
        var answer = host.Sandbox.State.SentMessages.Last(m => m.ContactId == contact.Id);
        answer.Type.ShouldBe("Email");
        answer.Subject.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ReplyRacingTheCadence_PausedAfterTheBatchReadTheSequence_HoldsTheDueTouchUntilThePauseEnds()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromHours(28));
        var sentBefore = SentTo(host, contact.Id).Count;

        // A reply paused the sequence after the cadence had found its next touch due (next_touch_at still set).
        var resumesAt = host.Clock.GetUtcNow().UtcDateTime.AddHours(48);
        await host.WithDbAsync(db => db.Sequences.Where(s => s.ContactId == contact.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.PausedAt, host.Clock.GetUtcNow().UtcDateTime)
                .SetProperty(s => s.PauseReason, "conversation: the prospect replied")
                .SetProperty(s => s.ResumesAt, resumesAt)));

        await host.ProcessBatchAsync();

        SentTo(host, contact.Id).Count.ShouldBe(sentBefore);
        var sequence = await host.GetSequenceAsync(contact.Id);
        var deferral = sequence.GetProperty("decisions").EnumerateArray().Last();
        deferral.GetProperty("outcome").GetString().ShouldBe("deferred");
        deferral.GetProperty("reason").GetString()!.ShouldContain("conversation is in progress");
        deferral.GetProperty("until").GetDateTimeOffset().UtcDateTime.ShouldBe(resumesAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AutoResponder_IsNeverAnswered_AndDoesNotPauseTheCadence()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sentBefore = SentTo(host, contact.Id).Count;

        await ReplyAsync(host, contact.Id, "I'm driving with Do Not Disturb While Driving turned on. I'll see your message when I get where I'm going.");

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("paused").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("reply_count").GetInt32().ShouldBe(0);
        var reply = sequence.GetProperty("replies")[0];
        reply.GetProperty("auto_responder").GetBoolean().ShouldBeTrue();
        reply.GetProperty("action").GetString()!.ShouldContain("auto-responder");
        SentTo(host, contact.Id).Count.ShouldBe(sentBefore);
    }

    [Fact]
    public async Task ManyReplies_GetAtMostMaxAutoRepliesPerDay_Answers()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        string[] replies = ["how much are homes going for near me?", "ok what's this about", "hmm interesting", "who is this again?", "what do you charge?"];
        foreach (var body in replies)
        {
            await ReplyAsync(host, contact.Id, body);
            host.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        // Answers are queued for the outbound stages (which may still hold one, e.g. a state's 3-a-day limit).
        var actions = (await host.GetSequenceAsync(contact.Id)).GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        (await AnswersQueuedAsync(host, contact.Id)).ShouldBe(3, string.Join(" | ", actions));
        actions.Count(a => a!.Contains("max_auto_replies_per_day")).ShouldBe(2);

        // A day later the contact may be answered again.
        host.Clock.Advance(TimeSpan.FromHours(24));
        await ReplyAsync(host, contact.Id, "hello?");
        (await AnswersQueuedAsync(host, contact.Id)).ShouldBe(4);
    }

    [Fact]
    public async Task QuietProspect_ResumesTheCadence_WithLaterStepsShiftedByThePause()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var enrolledAt = host.Clock.GetUtcNow();
        host.Clock.Advance(TimeSpan.FromHours(3));
        await ReplyAsync(host, contact.Id, "who is this?");
        var pausedAt = host.Clock.GetUtcNow();

        // 47 h of silence: still paused.
        host.Clock.Advance(TimeSpan.FromHours(47));
        await host.ProcessBatchAsync();
        (await host.GetSequenceAsync(contact.Id)).GetProperty("paused").GetBoolean().ShouldBeTrue();

        host.Clock.Advance(TimeSpan.FromHours(1.5));
        var batch = await host.ProcessBatchAsync();
        batch.GetProperty("resumed").GetInt32().ShouldBe(1);
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("paused").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("events").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "resumed");

        // EMAIL_1's window opened 20 h after enrolment; it moves by the pause (about 48.5 h), not to "now".
        var pause = host.Clock.GetUtcNow() - pausedAt;
        var emailDue = sequence.GetProperty("current_step").GetString() == "email_1"
            ? sequence.GetProperty("touches").EnumerateArray().Last().GetProperty("sent_at").GetDateTimeOffset()
            : sequence.GetProperty("next_touch_at").GetDateTimeOffset();
        emailDue.ShouldBeGreaterThanOrEqualTo(enrolledAt.AddHours(20) + pause - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ReplyOutsideAllowedHours_IsAnsweredAtTheFirstAllowedMinute()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sentBefore = SentTo(host, contact.Id).Count;

        // 06:00 UTC is night in every US zone.
        var now = host.Clock.GetUtcNow();
        host.Clock.Advance(now.Date.AddDays(1).AddHours(6) - now);
        await ReplyAsync(host, contact.Id, "what's this about?");
        SentTo(host, contact.Id).Count.ShouldBe(sentBefore);
        var answer = await host.WithDbAsync(db => db.OutboundMessages.SingleAsync(m => m.ContactId == contact.Id));
        answer.Status.ShouldBe(OutboundMessageStatus.Pending);
        answer.NotBefore.ShouldBeGreaterThan(host.Clock.GetUtcNow().UtcDateTime);

        host.Clock.Advance(answer.NotBefore - host.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        host.Services.GetRequiredService<Sdr.Core.Compliance.Conversations.OutboundMessageSignal>().Queued();
        await host.WaitForWebhooksAsync();
        SentTo(host, contact.Id).Count.ShouldBe(sentBefore + 1);
    }

    [Fact]
    public async Task SameReplyDeliveredTwice_IsRecordedAndAnsweredOnce()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sentBefore = SentTo(host, contact.Id).Count;

        var message = new SandboxMessage("msg-delivered-twice", "conversation-1", host.LocationId, contact.Id, "SMS", "inbound", "tell me more", null, "delivered", host.Clock.GetUtcNow());
        (await host.Sandbox.Webhooks.SendInboundMessageAsync(SdrTestHost.Webhook("reply"), message)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Sandbox.Webhooks.SendInboundMessageAsync(SdrTestHost.Webhook("reply"), message)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync();

        (await host.GetSequenceAsync(contact.Id)).GetProperty("replies").GetArrayLength().ShouldBe(1);
        SentTo(host, contact.Id).Count.ShouldBe(sentBefore + 1);
    }

    [Fact]
    public async Task TwoRepliesInASecond_GetOneAnswer()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sentBefore = SentTo(host, contact.Id).Count;
        // The first reply's work waits on GHL (its conversation history) while the second reply arrives.
        var hold = new SandboxHold();
        host.Sandbox.State.Faults.Enqueue(new SandboxFault("GET", "/conversations/search", StatusCode: 503, Count: 1, Kind: SandboxFaultKind.HoldResponse) { Hold = hold });
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "who is this", SdrTestHost.Webhook("reply"));
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(15));
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact.Id, "how did you get my number?", SdrTestHost.Webhook("reply"));
        while (await host.WithDbAsync(db => db.WebhookEvents.CountAsync(e => e.ContactId == contact.Id && e.Status == WebhookEventStatus.Pending)) > 0)
        {
            await Task.Delay(20);
        }

        hold.Release();
        await host.WaitForWebhooksAsync();

        SentTo(host, contact.Id).Count.ShouldBe(sentBefore + 1);
        var actions = (await host.GetSequenceAsync(contact.Id)).GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["answered with the next reply", "answered info_request (template:info_request.default)"]);
    }

    [Fact]
    public async Task ReplyToAnEndedSequence_IsRecorded_AndNotAnswered()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        (await host.Client.DeleteAsync($"/sdr/sequences/{contact.Id}")).EnsureSuccessStatusCode();
        var sentBefore = SentTo(host, contact.Id).Count;

        await ReplyAsync(host, contact.Id, "sure, tell me more");

        var reply = (await host.GetSequenceAsync(contact.Id)).GetProperty("replies")[0];
        reply.GetProperty("action").GetString()!.ShouldStartWith("not answered: sequence ended");
        SentTo(host, contact.Id).Count.ShouldBe(sentBefore);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body><p></p></body></html>")]
    [InlineData("\u0000\u0001\u0002\u00ff\ufffd")]
    public async Task EmptyOrJunkReply_IsRecorded_WithoutACrash(string body)
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, body);

        var events = await host.WithDbAsync(db => db.WebhookEvents.Where(e => e.ContactId == contact.Id).Select(e => e.Status).ToListAsync());
        events.ShouldAllBe(s => s == WebhookEventStatus.Processed || s == WebhookEventStatus.Ignored);
        (await host.WithDbAsync(db => db.Replies.CountAsync(r => r.ContactId == contact.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task LongReply_Of20Kilobytes_IsClassifiedAndAnswered()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, "What's this about? " + new string('x', 20_000));

        var reply = (await host.GetSequenceAsync(contact.Id)).GetProperty("replies")[0];
        reply.GetProperty("action").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task Evaluate_UnknownContact_Is404_AndABadId400()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        (await host.Client.PostAsync("/sdr/prospects/never-enrolled/evaluate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await host.Client.PostAsync("/sdr/prospects/bad%20id!/evaluate", null);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("contact_id");
    }

    [Fact]
    public async Task ObjectionStats_RejectUnknownLocationAndDaysOutOfRange_NamingTheField()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        var unknown = await host.Client.GetAsync("/sdr/stats/objections?location_id=nowhere");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("location_id");
        var days = await host.Client.GetAsync($"/sdr/stats/objections?location_id={host.LocationId}&days=0");
        days.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await days.Content.ReadAsStringAsync()).ShouldContain("days");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadyBuyer_WithoutACalendar_IsQualifiedAndHandedOff_WithTagsAndANote(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var tagsBefore = contact.Tags.ToList();

        await ReplyAsync(host, contact.Id, ReadyBuyer);

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("qualified");
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldContain("handed_off");
        host.Sandbox.State.TagChanges.Where(t => t.ContactId == contact.Id && t.Added).Select(t => t.Tag.ToLowerInvariant())
            .ShouldBe(["buyer-bot-active", "sdr-qualified"], ignoreOrder: true);
        contact.Tags.ShouldBe([.. tagsBefore, "buyer-bot-active", "sdr-qualified"], ignoreOrder: true);
        var note = host.Sandbox.State.NotesFor(contact.Id).ShouldHaveSingleItem();
        note.Body.ShouldContain("buyer_bot");
        note.Body.ShouldContain("FRS");

        var prospect = await host.Client.GetFromJsonAsync<JsonElement>($"/sdr/prospects/{contact.Id}");
        prospect.GetProperty("frs_score").GetDouble().ShouldBeGreaterThanOrEqualTo(60);
        prospect.GetProperty("pcs_score").GetDouble().ShouldBeGreaterThan(0);
        prospect.GetProperty("lead_type").GetString().ShouldBe("buyer");
        prospect.GetProperty("handoff_target").GetString().ShouldBe("buyer_bot");
        prospect.GetProperty("qualification_signals").GetArrayLength().ShouldBeGreaterThan(0);

        // The cadence is over for this contact: nothing more goes out.
        var sent = SentTo(host, contact.Id).Count;
        host.Clock.Advance(TimeSpan.FromDays(5));
        await host.ProcessBatchAsync();
        SentTo(host, contact.Id).Count.ShouldBe(sent);
    }

    [Fact]
    public async Task HotBuyer_WithACalendar_IsOfferedTimes_BooksThePick_AndIsHandedOffAfterTheBooking()
    {
        await using var host = await StartWithCalendarAsync();
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, ReadyBuyer);

        var offer = SentTo(host, contact.Id).Last();
        offer.Body!.ShouldContain("1)");
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("active").GetBoolean().ShouldBeTrue();
        sequence.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldContain("slots_offered");
        host.Sandbox.State.TagChanges.ShouldNotContain(t => t.ContactId == contact.Id, "no other bot starts in the middle of the booking");

        await ReplyAsync(host, contact.Id, "The first one works");

        var appointment = host.Sandbox.State.Appointments.ShouldHaveSingleItem();
        appointment.ContactId.ShouldBe(contact.Id);
        sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("booked");
        SentTo(host, contact.Id).Last().Body!.ShouldContain("booked");
        host.Sandbox.State.TagChanges.Where(t => t.ContactId == contact.Id && t.Added).Select(t => t.Tag.ToLowerInvariant()).ShouldContain("sdr-qualified");
        var offerRow = await host.WithDbAsync(db => db.BookingOffers.SingleAsync(o => o.ContactId == contact.Id));
        offerRow.Status.ShouldBe(BookingOfferStatus.Booked);
        offerRow.AppointmentId.ShouldBe(appointment.Id);
    }

    [Fact]
    public async Task HotBuyer_NoneOfThoseWork_GetsNewTimes_AndATakenSlotGetsNewOffers()
    {
        await using var host = await StartWithCalendarAsync();
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        await ReplyAsync(host, contact.Id, ReadyBuyer);
        var first = await host.WithDbAsync(db => db.BookingOffers.SingleAsync(o => o.ContactId == contact.Id));

        await ReplyAsync(host, contact.Id, "none of those work for me");

        var offers = await host.WithDbAsync(db => db.BookingOffers.Where(o => o.ContactId == contact.Id).OrderBy(o => o.Id).ToListAsync());
        offers.Count.ShouldBe(2);
        offers[0].Status.ShouldBe(BookingOfferStatus.Superseded);
        offers[1].Round.ShouldBe(2);
        offers[1].OfferedSlots().ShouldNotContain(s => first.OfferedSlots().Contains(s));

        // The slot they pick is taken meanwhile: GHL refuses it and new times are offered.
        var taken = offers[1].OfferedSlots()[0];
        var other = host.TextableContacts(2)[1];
        await host.Services.GetRequiredService<IGoHighLevelClient>().CreateAppointmentAsync(
            host.LocationId, new GhlAppointmentRequest(first.CalendarId, other.Id, taken, taken.AddMinutes(30), "someone else"));
        await ReplyAsync(host, contact.Id, "1");

        offers = await host.WithDbAsync(db => db.BookingOffers.Where(o => o.ContactId == contact.Id).OrderBy(o => o.Id).ToListAsync());
        offers.Count.ShouldBe(3);
        offers[2].OfferedSlots().ShouldNotContain(taken);
        (await host.GetSequenceAsync(contact.Id)).GetProperty("current_step").GetString().ShouldNotBe("booked");
    }

    [Fact]
    public async Task HotBuyer_QuietAfterTheOffer_IsHandedOff_InsteadOfResumingTheCadence()
    {
        await using var host = await StartWithCalendarAsync();
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        await ReplyAsync(host, contact.Id, ReadyBuyer);
        var sent = SentTo(host, contact.Id).Count;

        host.Clock.Advance(TimeSpan.FromHours(49));
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("resumed").GetInt32().ShouldBe(1);
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("current_step").GetString().ShouldBe("qualified");
        var handedOff = sequence.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "handed_off");
        handedOff.GetProperty("detail").GetString()!.ShouldContain("offered times went unanswered");
        (await host.WithDbAsync(db => db.BookingOffers.SingleAsync(o => o.ContactId == contact.Id))).Status.ShouldBe(BookingOfferStatus.Expired);
        host.Sandbox.State.TagChanges.Where(t => t.ContactId == contact.Id && t.Added).Select(t => t.Tag.ToLowerInvariant()).ShouldContain("sdr-qualified");

        // No sales text follows a handoff.
        host.Clock.Advance(TimeSpan.FromDays(5));
        await host.ProcessBatchAsync();
        SentTo(host, contact.Id).Count.ShouldBe(sent);
    }

    private const string ReadyBuyer = "Yes! We're pre-approved for 450k and want to move in the next 30 days. Can we see some homes?";

    private static async Task<SdrTestHost> StartWithCalendarAsync()
    {
        var probe = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var calendarId = probe.Sandbox.State.Calendar(probe.LocationId).Id;
        await probe.DisposeAsync();
        return await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["SDR_CALENDAR_ID"] = calendarId });
    }

    private static async Task ReplyAsync(SdrTestHost host, string contactId, string body)
    {
        (await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contactId, body, SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync();
    }

    private static Task<int> AnswersQueuedAsync(SdrTestHost host, string contactId) =>
        host.WithDbAsync(db => db.OutboundMessages.CountAsync(m => m.ContactId == contactId
            && (m.Purpose == MessagePurpose.Answer || m.Purpose == MessagePurpose.QualifyingQuestion || m.Purpose == MessagePurpose.BookingOffer)));

    private static List<SentMessage> SentTo(SdrTestHost host, string contactId) =>
        [.. host.Sandbox.State.SentMessages.Where(m => m.ContactId == contactId)];
}
