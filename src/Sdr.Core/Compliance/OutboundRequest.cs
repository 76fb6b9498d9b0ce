using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;

namespace Sdr.Core.Compliance;

/// <summary>One outbound touch on its way to GHL.</summary>
public sealed record OutboundRequest(
    SdrOutreachSequence Sequence,
    SequenceStep Step,
    Channel Channel,
    ComposedMessage Message,
    DateTime Now,
    bool IsCadenceTouch = true)
{
    /// <summary>Where the recipient is, as far as GHL tells us: what the hours stage works from.</summary>
    public RecipientInfo Recipient { get; init; } = RecipientInfo.Unknown;
}

/// <summary>
/// The contact's IANA time zone (GHL's <c>timezone</c>), US state code and E.164 phone, any of them
/// unknown. The phone is resolved once, when it is set, into <see cref="ResolvedPhone"/>, which every
/// stage reads instead of parsing the number again.
/// </summary>
public sealed record RecipientInfo
{
    public static readonly RecipientInfo Unknown = new(null, null, null);

    public RecipientInfo(string? timeZone, string? state, string? phone)
    {
        TimeZone = timeZone;
        State = state;
        Phone = phone;
    }

    public string? TimeZone { get; init; }

    public string? State { get; init; }

    public string? Phone
    {
        get;
        init
        {
            field = value;
            ResolvedPhone = Compliance.ResolvedPhone.Of(value);
        }
    }

    /// <summary>The phone parsed once; null when it is missing or not a valid number.</summary>
    public ResolvedPhone? ResolvedPhone { get; private init; }

    // Equal when the inputs are: the resolved phone follows from the phone.
    public bool Equals(RecipientInfo? other) =>
        other is not null
        && string.Equals(TimeZone, other.TimeZone, StringComparison.Ordinal)
        && string.Equals(State, other.State, StringComparison.Ordinal)
        && string.Equals(Phone, other.Phone, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(TimeZone, State, Phone);

    public void Deconstruct(out string? timeZone, out string? state, out string? phone)
    {
        timeZone = TimeZone;
        state = State;
        phone = Phone;
    }
}
