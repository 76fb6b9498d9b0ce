using System.Reflection;
using PhoneNumbers;

namespace Sdr.Core.Phones;

/// <summary>
/// A recipient's phone number parsed once, with everything the compliance stages read from it: the
/// E.164 form and its ledger hash (consent), and, for a geographic number, the area code's state
/// and time zones (hours, caps). libphonenumber's parse and pattern matching cost a few µs, more than
/// the rest of a decision, so a prospect stores these facts when its phone is set
/// (<c>SdrProspect.SetPhone</c>) and each touch rebuilds them with <see cref="FromStored"/>.
/// </summary>
public sealed class ResolvedPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private ResolvedPhone(string e164, string hash, string? areaState, IReadOnlyList<TimeZoneInfo> zones)
    {
        E164 = e164;
        Hash = hash;
        AreaState = areaState;
        Zones = zones;
    }

    /// <summary>
    /// The libphonenumber release whose data gave a stored state and zones. Its prefix data changes
    /// between releases (new area codes, zone corrections), so facts stored by another release are
    /// resolved again (<c>ProspectPhoneBackfill</c>) and parsed per touch until then.
    /// </summary>
    public static string DataVersion { get; } =
        typeof(PhoneNumberUtil).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(PhoneNumberUtil).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public string E164 { get; }

    /// <summary>What <see cref="PhoneHash.Of"/> gives for the number: the suppression ledger's key.</summary>
    public string Hash { get; }

    /// <summary>The US state of the number's prefix; null when it is not a US geographic number.</summary>
    public string? AreaState { get; }

    /// <summary>The zones of a geographic number's prefix; empty for toll-free, non-geographic or unmapped numbers.</summary>
    public IReadOnlyList<TimeZoneInfo> Zones { get; }

    /// <summary>The zone ids as stored on the prospect (<see cref="TimeZones.Join"/>); null when there are none.</summary>
    public string? ZoneIds => Zones.Count == 0 ? null : TimeZones.Join(Zones);

    /// <summary>The number resolved, or null when it is missing or not a valid number (US numbers may omit +1).</summary>
    public static ResolvedPhone? Of(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(raw.Trim(), "US");
        }
        catch (NumberParseException)
        {
            return null;
        }

        // For a parsed number, valid means its type is known (IsValidNumber checks the same patterns).
        var type = Util.GetNumberType(number);
        if (type == PhoneNumberType.UNKNOWN)
        {
            return null;
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        var hash = PhoneHash.OfE164(e164);
        return Util.IsNumberGeographical(type, number.CountryCode)
            ? new ResolvedPhone(e164, hash, PhoneLocation.StateOf(number), PhoneLocation.ZonesOf(number))
            : new ResolvedPhone(e164, hash, null, []);
    }

    /// <summary>
    /// The facts as <see cref="Of"/> gave them when they were stored, without parsing: the zone ids
    /// are looked up in a memo (they come from libphonenumber's data, a few dozen distinct lists).
    /// </summary>
    public static ResolvedPhone FromStored(string e164, string hash, string? areaState, string? zoneIds) =>
        new(e164, hash, areaState, TimeZones.Split(zoneIds));
}
