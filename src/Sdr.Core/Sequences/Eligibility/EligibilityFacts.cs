using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Sequences.Eligibility;

/// <summary>
/// What is known about a candidate when its eligibility is checked. A null <see cref="Dnd"/> or
/// <see cref="DndChannels"/> means unknown (an opportunity's embedded contact carries no DND): those rules pass
/// until enrolment reads the full contact and checks again.
/// </summary>
public sealed record EligibilityFacts(
    string ContactId,
    string? Phone,
    bool? Dnd = null,
    IReadOnlyDictionary<string, string>? DndChannels = null,
    string? State = null,
    string? PostalCode = null,
    string? City = null,
    string? LineType = null)
{
    /// <summary>A full GHL contact: every fact known.</summary>
    public static EligibilityFacts Of(GhlContact contact) => new(
        contact.Id,
        contact.Phone,
        contact.Dnd,
        contact.DndSettings.ToDictionary(pair => pair.Key, pair => pair.Value.Status, StringComparer.OrdinalIgnoreCase),
        contact.State,
        contact.PostalCode,
        contact.City);
}

/// <summary>What the database says about a candidate: a matching suppression, an active sequence, the last one's end.</summary>
public sealed record EligibilityStanding(string? Suppression, bool HasActiveSequence, DateTime? LastSequenceEndedAt);
