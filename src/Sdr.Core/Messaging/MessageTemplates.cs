using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// Built-in copy per step and variant. Placeholders: {first_name}, {sender_name}, {company}.
/// The SMS opening and opt-out notice are added by <see cref="PersonalizationEngine"/>.
/// </summary>
internal static class MessageTemplates
{
    public sealed record Template(string Body, string? Subject = null);

    private static readonly Dictionary<(string Variant, SequenceStep Step), Template> Templates = new()
    {
        [("consultative", SequenceStep.Sms1)] = new("Are you still thinking about a move this year? I can send you a quick, no-pressure value estimate for your home."),
        [("consultative", SequenceStep.Email1)] = new(
            "Hi {first_name},\n\nI reached out by text yesterday. Homes near you have been selling quickly, and I put together a short market snapshot that shows what similar homes went for last quarter.\n\nWould it help if I sent it over? No obligation either way.\n\n{sender_name}\n{company}",
            "A quick market snapshot for your area"),
        [("consultative", SequenceStep.Sms2)] = new("Checking back in: would a free home value estimate be useful to you this month?"),
        [("consultative", SequenceStep.Email2)] = new(
            "Hi {first_name},\n\nA few neighbours asked how pricing and timing work in today's market, so here is the short version: well-prepared homes still get strong offers, and a plan made early gives you the most options.\n\nHappy to walk you through it whenever suits you.\n\n{sender_name}\n{company}",
            "Timing your next move"),
        [("consultative", SequenceStep.Sms3)] = new("Last note from me for now: if your plans change, just reply here and I'll help however I can."),
        [("consultative", SequenceStep.NurturePause)] = new("It's been a while. Has anything changed with your plans for the house? Happy to help whenever you're ready."),
        [("direct", SequenceStep.Sms1)] = new("I have buyers looking in your area. Would you consider an offer on your home?"),
        [("direct", SequenceStep.Sms2)] = new("Following up: open to a quick call about what your home could sell for?"),
        [("direct", SequenceStep.Sms3)] = new("Should I close your file, or is a 10-minute call this week worth it?"),
    };

    /// <summary>True when <paramref name="variant"/> has copy of its own for at least one step.</summary>
    public static bool HasVariant(string variant) => Templates.Keys.Any(k => k.Variant == variant);

    public static Template For(string variant, SequenceStep step) =>
        Templates.TryGetValue((variant, step), out var template)
            ? template
            : Templates.TryGetValue(("consultative", step), out var fallback)
                ? fallback
                : throw new InvalidOperationException($"No template for step {step.ToName()}.");
}
