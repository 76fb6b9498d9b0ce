using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Compliance;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class CadenceFlowTests
{
    private static readonly string[] ExpectedTouches = ["sms_1", "email_1", "sms_2", "voicemail_1", "email_2", "sms_3", "voicemail_2"];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Enroll_SendsSms1AtOnce_NamingSenderAndOptOut_InOneGsm7Segment(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];

        var response = await host.EnrollAsync(contact.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("enrolled").EnumerateArray().Select(e => e.GetString()).ShouldBe([contact.Id], body.ToString());
        body.GetProperty("total_enrolled").GetInt32().ShouldBe(1);

        var sms = host.Sandbox.State.SentMessages.ShouldHaveSingleItem();
        sms.Body.ShouldNotBeNull();
        sms.ContactId.ShouldBe(contact.Id);
        sms.Type.ShouldBe("SMS");
        SmsEncoding.CharsetOf(sms.Body).ShouldBe(SmsCharset.Gsm7);
        SmsEncoding.Length(sms.Body).ShouldBeLessThanOrEqualTo(160);
        sms.Body.ShouldContain("Alex");
        sms.Body.ShouldContain("Reply STOP to opt out");

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
        var touch = sequence.GetProperty("touches").EnumerateArray().ShouldHaveSingleItem();
        touch.GetProperty("ghl_message_id").GetString().ShouldBe(sms.MessageId);
        sequence.GetProperty("decisions")[0].GetProperty("outcome").GetString().ShouldBe("sent");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cadence_WalksEveryStepInOrder_OneGhlCallPerStep_InsideItsWindow(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        var enrolledAt = host.Clock.GetUtcNow();
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var stepsSeen = new List<string> { (await host.GetSequenceAsync(contact.Id)).GetProperty("current_step").GetString()! };
        for (var i = 0; i < ExpectedTouches.Length; i++)
        {
            var sequence = await host.GetSequenceAsync(contact.Id);
            var due = sequence.GetProperty("next_touch_at").GetDateTimeOffset();
            host.Clock.SetUtcNow(due.AddMinutes(1));
            var batch = await host.ProcessBatchAsync();
            batch.GetProperty("processed").GetInt32().ShouldBe(1);
            stepsSeen.Add((await host.GetSequenceAsync(contact.Id)).GetProperty("current_step").GetString()!);
        }

        stepsSeen.ShouldBe([.. ExpectedTouches, "nurture_pause"]);

        // One GHL call per touch: four texts, two emails, two voicemail drops through the workflow.
        var messages = host.Sandbox.State.SentMessages.Where(m => m.ContactId == contact.Id).ToList();
        messages.Select(m => m.Type).ShouldBe(["SMS", "Email", "SMS", "Email", "SMS"]);
        host.Sandbox.State.WorkflowEnrollments.Count(w => w.ContactId == contact.Id).ShouldBe(2);

        var final = await host.GetSequenceAsync(contact.Id);
        var touches = final.GetProperty("touches").EnumerateArray().ToList();
        touches.Select(t => t.GetProperty("step").GetString()).ShouldBe(ExpectedTouches);
        var windows = new Dictionary<string, (double Min, double Max)>
        {
            ["sms_1"] = (0, 2),
            ["email_1"] = (20, 28),
            ["sms_2"] = (60, 80),
            ["voicemail_1"] = (110, 130),
            ["email_2"] = (160, 180),
            ["sms_3"] = (230, 260),
            ["voicemail_2"] = (325, 340),
        };
        foreach (var touch in touches)
        {
            var hours = (touch.GetProperty("sent_at").GetDateTimeOffset() - enrolledAt).TotalHours;
            var (min, max) = windows[touch.GetProperty("step").GetString()!];
            hours.ShouldBeInRange(min, max, $"step {touch.GetProperty("step").GetString()}");
        }

        // NURTURE_PAUSE rests the contact: nothing more goes out until the pause is over.
        host.Clock.Advance(TimeSpan.FromDays(30));
        var idle = await host.ProcessBatchAsync();
        idle.GetProperty("dispatched").GetInt32().ShouldBe(0);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task NurturePause_AfterPause_SendsOneCheckInAndCompletes(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        for (var i = 0; i < ExpectedTouches.Length; i++)
        {
            host.Clock.SetUtcNow((await host.GetSequenceAsync(contact.Id)).GetProperty("next_touch_at").GetDateTimeOffset());
            await host.ProcessBatchAsync();
        }

        var paused = await host.GetSequenceAsync(contact.Id);
        paused.GetProperty("current_step").GetString().ShouldBe("nurture_pause");
        host.Clock.SetUtcNow(paused.GetProperty("next_touch_at").GetDateTimeOffset());
        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("dispatched").GetInt32().ShouldBe(1);
        var done = await host.GetSequenceAsync(contact.Id);
        done.GetProperty("active").GetBoolean().ShouldBeFalse();
        done.GetProperty("end_reason").GetString().ShouldBe("completed");
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(6);
        host.Clock.Advance(TimeSpan.FromDays(400));
        (await host.ProcessBatchAsync()).GetProperty("processed").GetInt32().ShouldBe(0);
    }

    /// <summary>
    /// A sequence that moves on without a touch (here into NURTURE_PAUSE) is saved with the group's
    /// reservations; the group's later save (the other touch's outcome) must not write it back as it was.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SequenceMovingOnWithoutATouch_BesideOneThatSends_KeepsItsNewStep(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(2);
        (await host.EnrollAsync(contacts[0].Id, contacts[1].Id)).EnsureSuccessStatusCode();
        var due = (await host.GetSequenceAsync(contacts[1].Id)).GetProperty("next_touch_at").GetDateTimeOffset();
        await host.WithDbAsync(db => db.Sequences.Where(s => s.ContactId == contacts[0].Id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.CurrentStep, SequenceStep.Voicemail2)
            .SetProperty(s => s.NextTouchAt, due.UtcDateTime.AddHours(-1))));
        host.Clock.SetUtcNow(due.AddMinutes(1));

        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("processed").GetInt32().ShouldBe(2);
        batch.GetProperty("dispatched").GetInt32().ShouldBe(1);
        var paused = await host.GetSequenceAsync(contacts[0].Id);
        paused.GetProperty("current_step").GetString().ShouldBe("nurture_pause");
        paused.GetProperty("next_touch_at").GetDateTimeOffset().ShouldBeGreaterThan(due.AddDays(20));
        (await host.GetSequenceAsync(contacts[1].Id)).GetProperty("current_step").GetString().ShouldBe("email_1");
    }
}
