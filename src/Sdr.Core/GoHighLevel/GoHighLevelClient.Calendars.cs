using System.Globalization;
using System.Text.Json;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Core.GoHighLevel.Wire;

namespace Sdr.Core.GoHighLevel;

public sealed partial class GoHighLevelClient
{
    /// <summary>
    /// The answer is keyed by date: {"2024-10-28": {"slots": ["2024-10-28T10:00:00-05:00", ...]}, "traceId": "..."}.
    /// Non-object members (traceId) are skipped; slots may also be objects with a "slot" field (older shape).
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> GetFreeSlotsAsync(string locationId, string calendarId, DateTimeOffset from, DateTimeOffset to, string? timeZone = null, CancellationToken cancellationToken = default)
    {
        var query = Query(
            ("startDate", from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ("endDate", to.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ("timezone", timeZone));
        var request = new GhlRequest("GetFreeSlots", locationId, HttpMethod.Get, $"/calendars/{Escape(calendarId)}/free-slots?{query}", GhlApiVersions.Calendars, GhlCallKind.Read);
        using var document = await SendForDocumentAsync(request, cancellationToken).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw UnexpectedShape(request, null);
        }

        var slots = new SortedSet<DateTimeOffset>();
        foreach (var day in document.RootElement.EnumerateObject())
        {
            if (day.Value.ValueKind != JsonValueKind.Object || !day.Value.TryGetProperty("slots", out var daySlots) || daySlots.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var slot in daySlots.EnumerateArray())
            {
                var text = slot.ValueKind == JsonValueKind.Object && slot.TryGetProperty("slot", out var inner) ? inner.GetString() : slot.ValueKind == JsonValueKind.String ? slot.GetString() : null;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
                {
                    slots.Add(start);
                }
            }
        }

        return slots.ToArray();
    }

    public async Task<GhlAppointment> CreateAppointmentAsync(string locationId, GhlAppointmentRequest request, CancellationToken cancellationToken = default)
    {
        var body = new AppointmentBodyWire(
            request.CalendarId,
            locationId,
            request.ContactId,
            GhlWireMapper.ToWire(request.StartTime),
            request.EndTime is { } end ? GhlWireMapper.ToWire(end) : null,
            request.Title);
        var call = new GhlRequest("CreateAppointment", locationId, HttpMethod.Post, "/calendars/events/appointments", GhlApiVersions.Calendars, GhlCallKind.NonIdempotentWrite)
        {
            JsonBody = GhlJson.Serialize(body),
        };
        var response = await SendAsync<AppointmentResponseWire>(call, cancellationToken).ConfigureAwait(false);
        if (response?.Id is not { } id)
        {
            throw UnexpectedShape(call, null);
        }

        var start = DateTimeOffset.TryParse(response.StartTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedStart) ? parsedStart : request.StartTime;
        DateTimeOffset? finish = DateTimeOffset.TryParse(response.EndTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedEnd) ? parsedEnd : request.EndTime;
        return new GhlAppointment(id, response.CalendarId ?? request.CalendarId, response.ContactId ?? request.ContactId, start, finish);
    }
}
