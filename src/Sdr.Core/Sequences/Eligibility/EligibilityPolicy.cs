using Sdr.Core.Configuration;

namespace Sdr.Core.Sequences.Eligibility;

/// <summary>
/// The settings the rules apply: the GHL DND channels the cadence needs (<c>SMS</c>; <c>Email</c> with email steps;
/// <c>Call</c> with voicemail steps), the cool-down (zero: none) and the location's service area (null: everywhere).
/// </summary>
public sealed record EligibilityPolicy(IReadOnlySet<string> DndChannels, int CooldownDays, ServiceAreaOptions? ServiceArea)
{
    /// <summary>The ledger channels (<c>sms</c>, <c>email</c>, <c>voicemail</c>) matching <see cref="DndChannels"/>.</summary>
    public IReadOnlyList<string> LedgerChannels => [.. DndChannels.Select(channel => channel switch
    {
        "Email" => "email",
        "Call" => "voicemail",
        _ => "sms",
    })];
}
