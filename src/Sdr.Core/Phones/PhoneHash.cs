using System.Security.Cryptography;
using System.Text;
using PhoneNumbers;

namespace Sdr.Core.Phones;

/// <summary>
/// A lookup key for a phone number: SHA-256 of its E.164 form. It lets a do-not-call list be matched
/// without storing the numbers in the clear; it is not secrecy (phone numbers are few enough to enumerate).
/// </summary>
public static class PhoneHash
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (US numbers may omit +1), or null when it is not a valid number.</summary>
    public static string? ToE164(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(raw.Trim(), "US");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? Of(string? raw) => ToE164(raw) is { } e164 ? OfE164(e164) : null;

    /// <summary>The hash of a number already in E.164 (as <see cref="ToE164"/> gives it).</summary>
    public static string OfE164(string e164) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sdr-phone:" + e164)));
}
