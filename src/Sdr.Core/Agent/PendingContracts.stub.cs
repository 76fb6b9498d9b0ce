// TEMPORARY: the qualification, booking and LLM branches replace these when they merge.
#pragma warning disable
namespace Sdr.Core.Booking
{
    public sealed class BookingOptions { public int MaxOfferRounds { get; set; } = 3; public int SearchDays { get; set; } = 7; public int OfferExpiryHours { get; set; } = 48; public int AppointmentMinutes { get; set; } = 30; public string AppointmentTitle { get; set; } = "Call with {sender_name}"; }
    public sealed class SlotOfferPlanner { public IReadOnlyList<DateTimeOffset> Choose(IReadOnlyList<DateTimeOffset> freeSlots, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyCollection<DateTimeOffset> exclude) => freeSlots.Where(s => s > now.AddHours(2) && !exclude.Contains(s)).Take(3).ToList(); }
    public static class SlotOfferText
    {
        public static string Offer(IReadOnlyList<DateTimeOffset> slots, TimeZoneInfo zone, string senderIntro, int maxLength) => senderIntro + " " + string.Join(" ", slots.Select((s, i) => $"{i + 1}) {TimeZoneInfo.ConvertTime(s, zone):ddd h:mm tt}")) + " Which works?";
        public static string Confirmation(DateTimeOffset slot, TimeZoneInfo zone, string senderName) => $"You're booked for {TimeZoneInfo.ConvertTime(slot, zone):ddd MMM d h:mm tt}. Talk then! - {senderName}";
    }
    public enum SlotPickKind { Chosen, NoneWork, Declined, Reschedule, Unclear }
    public sealed record SlotPick(SlotPickKind Kind, int? Index, string Rule) { public DateTimeOffset? RequestedTime { get; init; } }
    public sealed class SlotPickParser
    {
        public SlotPick Parse(string? reply, IReadOnlyList<DateTimeOffset> offered, TimeZoneInfo zone, DateTimeOffset now)
        {
            var t = (reply ?? "").ToLowerInvariant();
            if (t.Contains("first")) return new(SlotPickKind.Chosen, 0, "ordinal");
            if (t.Trim() is "1" or "2" or "3") return new(SlotPickKind.Chosen, int.Parse(t.Trim()) - 1, "number");
            if (t.Contains("none")) return new(SlotPickKind.NoneWork, null, "none");
            return new(SlotPickKind.Unclear, null, "unclear");
        }
    }
}
