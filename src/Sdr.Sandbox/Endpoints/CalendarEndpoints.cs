using System.Globalization;
using Sdr.Sandbox.Http;
using Sdr.Sandbox.Personas;

namespace Sdr.Sandbox.Endpoints;

internal static class CalendarEndpoints
{
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/calendars/{calendarId}/free-slots", FreeSlots);
        app.MapPost("/calendars/events/appointments", Book);
    }

    // GHL puts traceId beside the date keys in this response; clients must skip it when reading dates.
    private static IResult FreeSlots(HttpContext context, SandboxState state, string calendarId, long? startDate, long? endDate, string? timezone)
    {
        var location = context.AuthLocation();
        var calendar = state.Calendar(location.LocationId);
        if (calendar.Id != calendarId)
        {
            return GhlErrors.BadRequest(context, "Calendar not found");
        }

        if (startDate is null || endDate is null)
        {
            return GhlErrors.Unprocessable(context, "startDate must be a number", "endDate must be a number");
        }

        var from = DateTimeOffset.FromUnixTimeMilliseconds(startDate.Value);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(endDate.Value);
        if (to < from || to - from > MaxRange)
        {
            return GhlErrors.BadRequest(context, "Date range cannot be more than 31 days");
        }

        var calendarZone = TimeZones.Find(calendar.TimeZone) ?? TimeZoneInfo.Utc;
        var outputZone = string.IsNullOrEmpty(timezone) ? calendarZone : TimeZones.Find(timezone);
        if (outputZone is null)
        {
            return GhlErrors.BadRequest(context, $"Invalid timezone {timezone}");
        }

        var now = state.TimeProvider.GetUtcNow();
        var data = state.TryLocation(location.LocationId)!;
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var slot in SlotSchedule.Slots(calendar, calendarZone, from, to))
        {
            if (slot <= now || data.IsBooked(slot))
            {
                continue;
            }

            var local = TimeZoneInfo.ConvertTime(slot, outputZone);
            var key = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!result.TryGetValue(key, out var day))
            {
                day = new SlotDay([]);
                result[key] = day;
            }

            ((SlotDay)day).Slots.Add(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }

        result["traceId"] = context.TraceId();
        return Results.Json(result, SandboxJson.Options);
    }

    private static async Task<IResult> Book(HttpContext context, SandboxState state, SandboxEventDispatcher events)
    {
        var body = await SandboxJson.ReadAsync<AppointmentBody>(context);
        if (body is null || string.IsNullOrEmpty(body.CalendarId) || string.IsNullOrEmpty(body.LocationId)
            || string.IsNullOrEmpty(body.ContactId) || string.IsNullOrEmpty(body.StartTime))
        {
            return GhlErrors.Unprocessable(context, "calendarId, locationId, contactId and startTime are required");
        }

        if (!context.OwnsLocation(body.LocationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var calendar = state.Calendar(body.LocationId);
        if (calendar.Id != body.CalendarId)
        {
            return GhlErrors.BadRequest(context, "Calendar not found");
        }

        var contact = ContactLookup.Find(context, state, body.ContactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        if (!DateTimeOffset.TryParse(body.StartTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            return GhlErrors.Unprocessable(context, "startTime must be a valid ISO 8601 date string");
        }

        var end = start.AddMinutes(calendar.SlotMinutes);
        if (body.EndTime is { Length: > 0 }
            && DateTimeOffset.TryParse(body.EndTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedEnd))
        {
            end = parsedEnd;
        }

        var zone = TimeZones.Find(calendar.TimeZone) ?? TimeZoneInfo.Utc;
        var now = state.TimeProvider.GetUtcNow();
        var validSlot = body.IgnoreFreeSlotValidation == true || (start > now && end > start && SlotSchedule.IsOnGrid(calendar, zone, start));
        if (!validSlot || !state.TryLocation(body.LocationId)!.TryBook(start, end))
        {
            return GhlErrors.BadRequest(context, "The slot you have selected is no longer available.");
        }

        var appointment = new SandboxAppointment(
            state.NewId(), body.LocationId, calendar.Id, contact.Id, start, end, body.Title, body.AppointmentStatus ?? "confirmed", now);
        state.Record(appointment);
        events.AppointmentBooked(appointment);
        var offset = TimeZoneInfo.ConvertTime(start, zone);
        return Results.Json(
            new
            {
                id = appointment.Id,
                calendarId = calendar.Id,
                locationId = appointment.LocationId,
                contactId = appointment.ContactId,
                startTime = offset.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                endTime = TimeZoneInfo.ConvertTime(end, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                title = appointment.Title,
                appointmentStatus = appointment.AppointmentStatus,
                isRecurring = false,
                traceId = context.TraceId(),
            },
            SandboxJson.Options);
    }

    private sealed record SlotDay(List<string> Slots);

    private sealed class AppointmentBody
    {
        public string? CalendarId { get; set; }

        public string? LocationId { get; set; }

        public string? ContactId { get; set; }

        public string? StartTime { get; set; }

        public string? EndTime { get; set; }

        public string? Title { get; set; }

        public string? AppointmentStatus { get; set; }

        public bool? IgnoreFreeSlotValidation { get; set; }
    }
}
