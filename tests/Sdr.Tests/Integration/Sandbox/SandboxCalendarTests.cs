using System.Net;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxCalendarTests
{
    [Fact]
    public async Task FreeSlotsAreDateKeyedAndABookedSlotDisappears()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        using var http = SandboxHttp.Client(sandbox);
        var calendar = sandbox.State.Calendar("sandbox-location-1");
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, chicago).Date.AddDays(1);
        var startLocal = new DateTimeOffset(tomorrow, chicago.GetUtcOffset(tomorrow));
        var start = startLocal.ToUnixTimeMilliseconds();
        var end = startLocal.AddDays(7).ToUnixTimeMilliseconds();
        var path = $"calendars/{calendar.Id}/free-slots?startDate={start}&endDate={end}&timezone=America/Chicago";

        using var response = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, path, SandboxHttp.ConversationsVersion));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var days = (await SandboxHttp.Json(response)).EnumerateObject().Where(p => p.Name != "traceId").ToList();
        days.Count.ShouldBe(5);
        var firstDay = days[0];
        DateOnly.ParseExact(firstDay.Name, "yyyy-MM-dd").DayOfWeek.ShouldNotBe(DayOfWeek.Saturday);
        var slots = firstDay.Value.GetProperty("slots").EnumerateArray().Select(s => s.GetString()!).ToList();
        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.StartsWith(firstDay.Name));

        var contact = sandbox.State.Contacts("sandbox-location-1")[0];
        using var booked = await http.SendAsync(SandboxHttp.Request(HttpMethod.Post, "calendars/events/appointments", SandboxHttp.ConversationsVersion, new
        {
            calendarId = calendar.Id,
            locationId = "sandbox-location-1",
            contactId = contact.Id,
            startTime = slots[0],
        }));
        booked.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await http.SendAsync(SandboxHttp.Request(HttpMethod.Post, "calendars/events/appointments", SandboxHttp.ConversationsVersion, new
        {
            calendarId = calendar.Id,
            locationId = "sandbox-location-1",
            contactId = contact.Id,
            startTime = slots[0],
        }));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var after = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, path, SandboxHttp.ConversationsVersion));
        var afterSlots = (await SandboxHttp.Json(after)).GetProperty(firstDay.Name).GetProperty("slots").EnumerateArray().Select(s => s.GetString()).ToList();
        afterSlots.ShouldNotContain(slots[0]);
        sandbox.State.Appointments.ShouldHaveSingleItem().ContactId.ShouldBe(contact.Id);
    }
}
