using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

/// <summary>
/// First touches are planned, not fired at enrolment: a batch's SMS_1 fill the location's budget slot by slot inside
/// the recipients' hours, a day holds no more than the daily SMS cap, and a single enrolment still goes within seconds.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class FirstTouchPacingTests
{
    private static readonly Dictionary<string, string?> TenRequestsPerSecond = new()
    {
        ["Ghl:RequestsPerWindow"] = "100",
        ["Ghl:Window"] = "00:00:10",
        ["sdr:enrollment:first_touch_ghl_share"] = "0.5",
        ["sdr:enrollment:ghl_calls_per_first_touch"] = "3",
        ["sdr:enrollment:first_touch_slot_seconds"] = "60",
        ["sdr:rate_limits:daily_sms_cap"] = "500",
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ThousandEnrolments_SpreadInsideTheBudgetAndHours_AndBeyondTheCapGoToTheNextDay(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, TenRequestsPerSecond);
        var pacer = host.Services.GetRequiredService<FirstTouchPacer>();
        var hours = host.Services.GetRequiredService<QuietHoursPolicy>();
        var now = host.Clock.GetUtcNow().UtcDateTime; // Monday 20:30 UTC: 15:30 in New York, 10:30 in Honolulu
        string[][] places = [["America/New_York", "NY", "+12125550100"], ["America/Los_Angeles", "CA", "+13105550100"], ["Pacific/Honolulu", "HI", "+18085550100"]];
        var planned = new List<(DateTime At, RecipientInfo Recipient)>();
        for (var i = 0; i < 1000; i++)
        {
            var place = places[i % places.Length];
            var recipient = new RecipientInfo(place[0], place[1], place[2]);
            planned.Add((await EnrolAsync(host, pacer, $"pace{i:D4}", recipient, now), recipient));
        }

        // 10 requests/s, half of it for first touches at 3 requests each: 100 a minute.
        pacer.SlotCapacity.ShouldBe(100);
        planned.GroupBy(p => new DateTime(p.At.Ticks - (p.At.Ticks % TimeSpan.TicksPerMinute))).ShouldAllBe(slot => slot.Count() <= 100);
        planned.ShouldAllBe(p => p.At >= now);
        planned.ShouldAllBe(p => hours.NextAllowedUtc(p.At, p.Recipient) == null, "every SMS_1 inside its recipient's allowed hours");

        var today = planned.Where(p => p.At.Date == now.Date).ToList();
        today.Count.ShouldBe(500, "the daily SMS cap");
        today.ShouldAllBe(p => p.At < now.AddHours(2), "today's inside SMS_1's window");
        today.Select(p => p.At.Ticks / TimeSpan.TicksPerMinute).Distinct().Count().ShouldBe(5, "spread over five minutes, not one burst");
        var tomorrow = planned.Where(p => p.At.Date == now.Date.AddDays(1)).ToList();
        tomorrow.Count.ShouldBe(500, "beyond the cap: the next UTC day, not deferred over and over");
    }

    [Fact]
    public async Task SingleEnrolment_IsSentWithinSeconds_ByTheWokenCadenceWorker()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Sdr:CadenceWorker:Enabled"] = "true" });
        var contact = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Dana", Phone = "+12125550199", State = "NY", Timezone = "America/New_York" });

        var response = await host.PostEnrollAsync(contact.Id);
        response.EnsureSuccessStatusCode();

        // The fake clock stands still: only the wake-up can send it before the next cron tick, 15 minutes away.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!host.Sandbox.State.SentMessages.Any(m => m.ContactId == contact.Id))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "SMS_1 was not sent within seconds");
            await Task.Delay(50);
        }

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");
    }

    private static async Task<DateTime> EnrolAsync(SdrTestHost host, FirstTouchPacer pacer, string contactId, RecipientInfo recipient, DateTime now) =>
        await host.WithDbAsync(async db =>
        {
            var prospect = new SdrProspect { ContactId = contactId, LocationId = host.LocationId, Source = "test", TimeZone = recipient.TimeZone, State = recipient.State };
            prospect.SetPhone(recipient.Phone);
            var sequence = new SdrOutreachSequence
            {
                Prospect = prospect,
                ContactId = contactId,
                LocationId = host.LocationId,
                CurrentStep = SequenceStep.Enrolled,
                AbVariant = "consultative",
                EnrolledAt = now,
                IsActive = true,
                UpdatedAt = now,
            };
            db.Sequences.Add(sequence);
            using (await pacer.LockAsync(host.LocationId, default))
            {
                sequence.NextTouchAt = await pacer.PlanAsync(db, sequence, RecipientInfo.For(prospect), now, default);
                await db.SaveChangesAsync();
            }

            return sequence.NextTouchAt!.Value;
        });
}
