using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class QuietHoursFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EnrolBeforeDawnInHawaii_PlansSms1ForTheFirstAllowedMinute_WhileNewYorkGetsItNow(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var hawaii = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Keala", Phone = "+18085550142", State = "HI", Timezone = "Pacific/Honolulu" });
        var newYork = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Dana", Phone = "+12125550199", State = "NY", Timezone = "America/New_York" });
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero)); // 05:00 in Honolulu, 10:00 in New York

        var response = await host.EnrollAsync(hawaii.Id, newYork.Id);

        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total_enrolled").GetInt32().ShouldBe(2);
        host.Sandbox.State.SentMessages.Select(m => m.ContactId).ShouldBe([newYork.Id]);
        var planned = await host.GetSequenceAsync(hawaii.Id);
        planned.GetProperty("decisions").EnumerateArray().ShouldBeEmpty(); // planned inside the hours, never tried and deferred
        var until = planned.GetProperty("next_touch_at").GetDateTimeOffset();
        until.ShouldBe(new DateTimeOffset(2026, 3, 3, 18, 0, 0, TimeSpan.Zero)); // 08:00 in Honolulu

        host.Clock.SetUtcNow(until.AddMinutes(-1));
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(0);
        host.Clock.SetUtcNow(until);
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(1);

        host.Sandbox.State.SentMessages.Count(m => m.ContactId == hawaii.Id).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LaterSteps_AreScheduledInsideTheRecipientsHours(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var florida = host.Sandbox.State.AddContact(new SandboxContact { LocationId = host.LocationId, FirstName = "Rosa", Email = "rosa@example.com", Phone = "+13055550111", State = "FL", Timezone = "America/New_York" });
        (await host.EnrollAsync(florida.Id)).EnsureSuccessStatusCode();

        for (var i = 0; i < 6; i++)
        {
            var due = (await host.GetSequenceAsync(florida.Id)).GetProperty("next_touch_at").GetDateTimeOffset();
            var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
            local.TimeOfDay.ShouldBeInRange(TimeSpan.FromHours(8), TimeSpan.FromHours(20) - TimeSpan.FromMinutes(1), $"step {i} due {local:O}");
            host.Clock.SetUtcNow(due);
            (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(1, (await host.GetSequenceAsync(florida.Id)).ToString());
        }
    }
}
