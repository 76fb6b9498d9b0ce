using PhoneNumbers;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Compliance.Hours;

namespace Sdr.Core.Compliance;

/// <summary>
/// A recipient's phone number parsed once, with everything the compliance stages read from it: the
/// E.164 form and its ledger hash (consent), and, for a geographic number, the area code's state
/// and time zones (hours, caps). libphonenumber's parse and pattern matching cost a few µs; each
/// stage parsing the number again cost a third of a decision.
/// </summary>
public sealed class ResolvedPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private ResolvedPhone(string e164, string? areaState, IReadOnlyList<TimeZoneInfo> zones)
    {
        E164 = e164;
        Hash = PhoneHash.OfE164(e164);
        AreaState = areaState;
        Zones = zones;
    }

    public string E164 { get; }

    /// <summary>What <see cref="PhoneHash.Of"/> gives for the number: the suppression ledger's key.</summary>
    public string Hash { get; }

    /// <summary>The US state of the number's prefix; null when it is not a US geographic number.</summary>
    public string? AreaState { get; }

    /// <summary>The zones of a geographic number's prefix; empty for toll-free, non-geographic or unmapped numbers.</summary>
    public IReadOnlyList<TimeZoneInfo> Zones { get; }

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
        return Util.IsNumberGeographical(type, number.CountryCode)
            ? new ResolvedPhone(e164, PhoneLocation.StateOf(number), PhoneLocation.ZonesOf(number))
            : new ResolvedPhone(e164, null, []);
    }
}
