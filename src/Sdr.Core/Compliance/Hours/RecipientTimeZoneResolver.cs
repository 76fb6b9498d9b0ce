namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// The time zones a recipient may be in, best source first: the contact's IANA time zone, else
/// every zone of the contact's state, else the zones of the phone's area code, else every zone of
/// the 50 states and DC. More than one zone means "somewhere among these": the policy then
/// allows only the overlap of their windows.
/// </summary>
public sealed class RecipientTimeZoneResolver
{
    private static readonly IReadOnlyList<TimeZoneInfo> AllStateZones = Find(UsStates.AllStateZones);

    public IReadOnlyList<TimeZoneInfo> Resolve(RecipientInfo recipient)
    {
        if (FindOne(recipient.TimeZone) is { } contactZone)
        {
            return [contactZone];
        }

        if (UsStates.Normalize(recipient.State) is { } state && Find(UsStates.ZonesOf(state)) is { Count: > 0 } stateZones)
        {
            return stateZones;
        }

        if (Find(PhoneLocation.ZonesOf(recipient.Phone)) is { Count: > 0 } phoneZones)
        {
            return phoneZones;
        }

        return AllStateZones;
    }

    private static TimeZoneInfo? FindOne(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    private static IReadOnlyList<TimeZoneInfo> Find(IEnumerable<string> ids) =>
        ids.Select(FindOne).OfType<TimeZoneInfo>().DistinctBy(z => z.Id).ToArray();
}
