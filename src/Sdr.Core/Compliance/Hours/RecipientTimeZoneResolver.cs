using Sdr.Core.Phones;
namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// The time zones a recipient may be in, best source first: the contact's IANA time zone, else
/// every zone of the contact's state, else the zones of the phone's area code, else every zone of
/// the 50 states and DC. More than one zone means "somewhere among these": the policy then
/// allows only the overlap of their windows.
/// </summary>
public sealed class RecipientTimeZoneResolver
{
    private static readonly IReadOnlyList<TimeZoneInfo> AllStateZones = TimeZones.FindAll(UsStates.AllStateZones);

    public IReadOnlyList<TimeZoneInfo> Resolve(RecipientInfo recipient)
    {
        if (TimeZones.Find(recipient.TimeZone) is { } contactZone)
        {
            return [contactZone];
        }

        if (UsStates.Normalize(recipient.State) is { } state && UsStates.ZonesOf(state) is { Count: > 0 } stateZones)
        {
            return stateZones;
        }

        if (recipient.ResolvedPhone?.Zones is { Count: > 0 } phoneZones)
        {
            return phoneZones;
        }

        return AllStateZones;
    }
}
