namespace Sdr.Sandbox;

public sealed record SandboxCalendar(string Id, string LocationId, string Name, string TimeZone, int SlotMinutes = 30);
