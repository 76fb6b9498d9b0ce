namespace Sdr.Core.GoHighLevel.Wire;

/// <summary>AppointmentCreateSchema (required: calendarId, locationId, contactId, startTime).</summary>
internal sealed record AppointmentBodyWire(string CalendarId, string LocationId, string ContactId, string StartTime, string? EndTime, string? Title);

/// <summary>AppointmentSchemaResponse.</summary>
internal sealed record AppointmentResponseWire(string? Id, string? CalendarId, string? ContactId, string? StartTime, string? EndTime);
