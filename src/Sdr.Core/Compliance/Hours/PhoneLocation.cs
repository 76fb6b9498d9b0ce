using PhoneNumbers;

namespace Sdr.Core.Compliance.Hours;

/// <summary>Where a phone number's prefix places it, from libphonenumber's offline data.</summary>
internal static class PhoneLocation
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The IANA zones of a geographic number; empty for toll-free, mobile-only or unparseable numbers.</summary>
    public static IReadOnlyList<string> ZonesOf(string? phone)
    {
        if (Parse(phone) is not { } number)
        {
            return [];
        }

        var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var zones = mapper.GetTimeZonesForNumber(number);
        return zones.Any(z => z == mapper.GetUnknownTimeZone()) ? [] : zones.ToArray();
    }

    /// <summary>
    /// The US state of a number's area code ("Texas" or "El Paso, TX" in the geocoder's data); null
    /// when the number is not a US geographic one.
    /// </summary>
    public static string? StateOf(string? phone)
    {
        if (Parse(phone) is not { } number || Util.GetRegionCodeForNumber(number) is not { } region || (region != "US" && !UsStates.IsKnown(region)))
        {
            return null;
        }

        var description = PhoneNumberOfflineGeocoder.GetInstance().GetDescriptionForNumber(number, Locale.English);
        var comma = description.LastIndexOf(',');
        return UsStates.Normalize(comma >= 0 ? description[(comma + 1)..] : description);
    }

    private static PhoneNumber? Parse(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(phone, "US");
            return Util.IsValidNumber(number) && Util.IsNumberGeographical(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
