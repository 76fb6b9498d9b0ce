using Sdr.Core.Compliance;
using Sdr.Core.Messaging;
using Sdr.Core.Phones;
using Sdr.Core.Profiles;

namespace Sdr.Core.Sequences;

/// <summary>
/// What a touch needs from its prospect (the personalisation facts and the recipient), read in the
/// same query as the sequence but not tracked: the cadence never changes a prospect, so its rows need
/// no snapshot, no identity map entry and no change detection at every save.
/// </summary>
public sealed record ProspectColumns(
    string? FirstName,
    string LeadType,
    string Source,
    string? TimeZone,
    string? State,
    string? Phone,
    string? PhoneHash,
    string? PhoneState,
    string? PhoneZones,
    string? PhoneDataVersion,
    string? Profile = null)
{
    public ProspectFacts Facts => new(FirstName, LeadType, Source) { Profile = ProspectProfile.FromJson(Profile) };

    public RecipientInfo Recipient => RecipientInfo.FromStored(TimeZone, State, Phone, PhoneHash, PhoneState, PhoneZones, PhoneDataVersion);
}
