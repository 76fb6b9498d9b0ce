using PhoneNumbers;
using Sdr.Core.Phones;

namespace Sdr.Core.Sequences.Eligibility;

/// <summary>
/// The one rule set every enrolment path applies, first reason wins: suppressed, dnd, already_enrolled, cooldown,
/// no_phone, no_valid_phone, outside_service_area. Pure: the caller brings the facts and the stored standing.
/// </summary>
public static class EligibilityRules
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Null when the candidate may be enrolled, else the reason (<see cref="SkipReasons"/>).</summary>
    public static string? Check(EligibilityFacts facts, EligibilityStanding standing, EligibilityPolicy policy, DateTime now)
    {
        if (standing.Suppression is not null)
        {
            return SkipReasons.Suppressed;
        }

        if (IsDnd(facts, policy))
        {
            return SkipReasons.Dnd;
        }

        if (standing.HasActiveSequence)
        {
            return SkipReasons.AlreadyEnrolled;
        }

        if (policy.CooldownDays > 0 && standing.LastSequenceEndedAt is { } ended && ended > now.AddDays(-policy.CooldownDays))
        {
            return SkipReasons.Cooldown;
        }

        if (PhoneReason(facts.Phone, facts.LineType) is { } phone)
        {
            return phone;
        }

        return InServiceArea(facts, policy) ? null : SkipReasons.OutsideServiceArea;
    }

    /// <summary>
    /// no_phone, no_valid_phone (not a valid US number, a toll-free, premium or shared-cost one, or a landline by the
    /// given line type; libphonenumber cannot tell a US mobile from a landline), or null.
    /// </summary>
    public static string? PhoneReason(string? phone, string? lineType)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return SkipReasons.NoPhone;
        }

        PhoneNumber number;
        try
        {
            number = Phones.Parse(phone.Trim(), "US");
        }
        catch (NumberParseException)
        {
            return SkipReasons.NoValidPhone;
        }

        if (!Phones.IsValidNumberForRegion(number, "US"))
        {
            return SkipReasons.NoValidPhone;
        }

        var type = Phones.GetNumberType(number);
        if (type is not (PhoneNumberType.FIXED_LINE_OR_MOBILE or PhoneNumberType.MOBILE))
        {
            return SkipReasons.NoValidPhone;
        }

        return lineType is not null && (lineType.Equals("landline", StringComparison.OrdinalIgnoreCase) || lineType.Equals("fixed_line", StringComparison.OrdinalIgnoreCase))
            ? SkipReasons.NoValidPhone
            : null;
    }

    private static bool IsDnd(EligibilityFacts facts, EligibilityPolicy policy)
    {
        if (facts.Dnd == true)
        {
            return true;
        }

        return facts.DndChannels is { } channels
            && policy.DndChannels.Any(channel => channels.TryGetValue(channel, out var status) && string.Equals(status, "active", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Inside when no area is set, or when the state, a postal-code prefix or the city matches; a contact with no address is outside an area.</summary>
    private static bool InServiceArea(EligibilityFacts facts, EligibilityPolicy policy)
    {
        if (policy.ServiceArea is not { IsEmpty: false } area)
        {
            return true;
        }

        var state = UsStates.Normalize(facts.State) ?? facts.State?.Trim();
        return (state is not null && area.States.Any(s => string.Equals(UsStates.Normalize(s) ?? s.Trim(), state, StringComparison.OrdinalIgnoreCase)))
            || (facts.PostalCode is { Length: > 0 } zip && area.PostalCodePrefixes.Any(prefix => zip.Trim().StartsWith(prefix.Trim(), StringComparison.Ordinal)))
            || (facts.City is { Length: > 0 } city && area.Cities.Any(c => string.Equals(c.Trim(), city.Trim(), StringComparison.OrdinalIgnoreCase)));
    }
}
