// TEMPORARY: the qualification, booking and LLM branches replace these when they merge.
#pragma warning disable
namespace Sdr.Core.Qualification
{
    public sealed record ConversationTurn(bool FromProspect, string Text, DateTime At, string Source);
    public sealed record ProspectContext(string? LeadTypeHint, string? Source, IReadOnlyCollection<string> Tags);
    public sealed record IntentSignal(string Name, string Dimension, double Weight, string Rule);
    public enum QualificationGap { Timeline, BudgetOrPreApproval, Motivation }
    public sealed record LeadIntentProfile(double FrsScore, double PcsScore, string LeadType, double Confidence, IReadOnlyList<IntentSignal> Signals, IReadOnlyList<QualificationGap> Missing);
    public sealed record GateDecision(bool Passed, double FrsScore, double PcsScore, string LeadType, double Confidence, LeadIntentProfile IntentProfile, string? HandoffTarget, string? DisqualifyReason)
    {
        public bool IsHot => FrsScore >= 80;
        public QualificationGap? NextQuestionGap => IntentProfile.Missing.Count > 0 ? IntentProfile.Missing[0] : null;
    }
    public sealed class QualificationGate
    {
        public GateDecision Evaluate(IReadOnlyList<ConversationTurn> conversation, ProspectContext context)
        {
            var text = string.Join(' ', conversation.Where(t => t.FromProspect).Select(t => t.Text)).ToLowerInvariant();
            var frs = (text.Contains("pre-approved") ? 50 : 0) + (text.Contains("30 days") ? 35 : 0);
            var profile = new LeadIntentProfile(frs, frs / 2.0, "buyer", frs > 0 ? 0.8 : 0.3, [], frs >= 60 ? [] : [QualificationGap.Timeline]);
            return new GateDecision(frs >= 60, frs, frs / 2.0, "buyer", profile.Confidence, profile, frs >= 60 ? "buyer_bot" : null, frs >= 60 ? null : "frs below threshold");
        }
        public string? QualifyingQuestion(GateDecision decision, string leadType) => "When are you hoping to make a move?";
        public IReadOnlyList<string> HandoffTags(GateDecision decision) => ["buyer-bot-active", "SDR-Qualified"];
    }
}
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
