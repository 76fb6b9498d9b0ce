using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class SendTimeFlowTests
{
    private static readonly TimeZoneInfo Central = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cadence_SmsRepliesClusterAtTenLocal_Sms2GoesAtTenLocal_EmailKeepsItsWindowStart_AndTheTimelineSaysWhy(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        contact.Timezone = "America/Chicago";
        contact.State = "IL";
        var enrolledAt = host.Clock.GetUtcNow().UtcDateTime; // Monday 2 March 2026, 14:30 in Chicago
        await SeedSmsHistoryAsync(host, enrolledAt);

        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        // The location has sent no email: EMAIL_1 keeps its window start (20 h after enrolment), nothing to explain.
        var enrolled = await host.GetSequenceAsync(contact.Id);
        enrolled.GetProperty("next_touch_at").GetDateTimeOffset().ShouldBe(new DateTimeOffset(enrolledAt.AddHours(20)));
        SendTimeEvents(enrolled).ShouldBeEmpty();

        host.Clock.SetUtcNow(enrolled.GetProperty("next_touch_at").GetDateTimeOffset());
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(1);

        // SMS_2's window opens Thursday 02:30 in Chicago; texts may go from 08:00; the location's texts draw
        // replies at 10:00-11:00 (auto-responders at 15:00 and replies older than the lookback do not count).
        var scheduled = await host.GetSequenceAsync(contact.Id);
        var sms2At = scheduled.GetProperty("next_touch_at").GetDateTimeOffset();
        sms2At.ShouldBe(new DateTimeOffset(2026, 3, 5, 16, 0, 0, TimeSpan.Zero));
        var windowStart = enrolledAt.AddHours(60);
        sms2At.UtcDateTime.ShouldBeInRange(windowStart, enrolledAt.AddHours(80));
        var detail = SendTimeEvents(scheduled).ShouldHaveSingleItem();
        detail.ShouldStartWith("SMS_2 at Thu 10:00 local: the best reply hour for this location's SMS inside the step's window");
        // The window start as the recipient's allowed hours move it (08:00, later if the phone's state says so).
        var policy = host.Services.GetRequiredService<QuietHoursPolicy>();
        var allowedStart = policy.NextAllowedUtc(windowStart, new RecipientInfo("America/Chicago", "IL", contact.Phone)) ?? windowStart;
        detail.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"at the window start ({TimeZoneInfo.ConvertTimeFromUtc(allowedStart, Central):ddd HH:mm})"));
        detail.ShouldContain("40 SMS sent at 10:00-11:00 local in the last 90 days, 16 answered");

        // Sending SMS_2 schedules VOICEMAIL_1 (no voicemail data): still one send_time event.
        host.Clock.SetUtcNow(sms2At);
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(1);
        var after = await host.GetSequenceAsync(contact.Id);
        SendTimeEvents(after).Count.ShouldBe(1);
        after.GetProperty("touches").EnumerateArray().Last().GetProperty("sent_at").GetDateTimeOffset().ShouldBe(sms2At);
    }

    private static List<string> SendTimeEvents(JsonElement sequence) =>
        [.. sequence.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == SequenceEventKinds.SendTime)
            .Select(e => e.GetProperty("detail").GetString()!)];

    /// <summary>
    /// Four weeks of texts to Chicago recipients, two per weekday hour from 08:00 to 17:00: at 10:00 two days in
    /// five answered; at the others one touch in forty; at 15:00 every touch drew an auto-responder only. Plus, a
    /// hundred days back (past the lookback), noon texts that were all answered.
    /// </summary>
    private static async Task SeedSmsHistoryAsync(SdrTestHost host, DateTime now)
    {
        var touches = new List<(DateTime SentAt, bool Human, bool Auto)>();
        var firstDay = TimeZoneInfo.ConvertTimeFromUtc(now, Central).Date.AddDays(-28);
        for (var dayIndex = 0; dayIndex < 28; dayIndex++)
        {
            var day = firstDay.AddDays(dayIndex);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var hour = 8; hour < 18; hour++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var sentAt = TimeZoneInfo.ConvertTimeToUtc(day.AddHours(hour).AddMinutes(5 + k), Central);
                    var human = hour == 10 ? dayIndex % 5 < 2 : dayIndex == 1 && k == 0;
                    touches.Add((sentAt, human, hour == 15));
                }
            }
        }

        for (var i = 0; i < 20; i++)
        {
            var old = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(now, Central).Date.AddDays(-100 - i).AddHours(12), Central);
            touches.Add((old, true, false));
        }

        await host.WithDbAsync(async db =>
        {
            var sequences = touches.Select((touch, i) => History(db, host.LocationId, $"history-{i}", touch.SentAt, touch.Human || touch.Auto)).ToList();
            await db.SaveChangesAsync();
            for (var i = 0; i < touches.Count; i++)
            {
                if (touches[i].Human || touches[i].Auto)
                {
                    db.Replies.Add(new SdrReply
                    {
                        SequenceId = sequences[i].Id,
                        ContactId = sequences[i].ContactId,
                        LocationId = host.LocationId,
                        ReceivedAt = touches[i].SentAt.AddMinutes(30),
                        Category = "engagement",
                        DecidedBy = "keywords",
                        IsAutoResponder = touches[i].Auto,
                    });
                }
            }

            return await db.SaveChangesAsync();
        });
    }

    private static SdrOutreachSequence History(SdrDbContext db, string location, string contactId, DateTime sentAt, bool replied)
    {
        var prospect = new SdrProspect { ContactId = contactId, LocationId = location, Source = "test", EnrolledAt = sentAt, TimeZone = "America/Chicago", State = "IL" };
        var sequence = new SdrOutreachSequence
        {
            Prospect = prospect,
            ContactId = contactId,
            LocationId = location,
            CurrentStep = SequenceStep.Sms2,
            AbVariant = "consultative",
            EnrolledAt = sentAt.AddDays(-3),
            UpdatedAt = sentAt,
            IsActive = false,
        };
        sequence.Touches.Add(new SdrOutreachTouch
        {
            ContactId = contactId,
            LocationId = location,
            Step = SequenceStep.Sms2,
            Channel = "sms",
            Status = TouchStatus.Sent,
            SentAt = sentAt,
            RepliedAt = replied ? sentAt.AddMinutes(30) : null,
            ReservedAt = sentAt,
            TouchDate = DateOnly.FromDateTime(sentAt),
        });
        db.Sequences.Add(sequence);
        return sequence;
    }
}
