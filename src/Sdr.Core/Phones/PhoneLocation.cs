using PhoneNumbers;

namespace Sdr.Core.Phones;

/// <summary>Where a valid geographic number's prefix places it, from libphonenumber's offline data.</summary>
internal static class PhoneLocation
{
    // GetInstance takes a lock on every call.
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper ZoneMapper = PhoneNumberToTimeZonesMapper.GetInstance();
    private static readonly PhoneNumberOfflineGeocoder Geocoder = PhoneNumberOfflineGeocoder.GetInstance();
    private static readonly string UnknownZone = ZoneMapper.GetUnknownTimeZone();

    /// <summary>The IANA zones of the prefix; empty when the data does not know them.</summary>
    public static IReadOnlyList<TimeZoneInfo> ZonesOf(PhoneNumber geographicNumber)
    {
        var zones = ZoneMapper.GetTimeZonesForGeographicalNumber(geographicNumber);
        return zones.Contains(UnknownZone) ? [] : TimeZones.FindAll(zones);
    }

    /// <summary>
    /// The US state of the prefix ("Texas" or "El Paso, TX" in the geocoder's data); null when the
    /// number is not a US one.
    /// </summary>
    public static string? StateOf(PhoneNumber geographicNumber)
    {
        if (Util.GetRegionCodeForNumber(geographicNumber) is not { } region || (region != "US" && !UsStates.IsKnown(region)))
        {
            return null;
        }

        var description = Geocoder.GetDescriptionForValidNumber(geographicNumber, Locale.English);
        var comma = description.LastIndexOf(',');
        return UsStates.Normalize(comma >= 0 ? description[(comma + 1)..] : description);
    }
}
