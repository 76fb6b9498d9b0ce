using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

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

    /// <summary>The day the touch's row carries (<c>touch_date</c>, part of the idempotency key), and the day the per-contact cap counts it in.</summary>
    public DateOnly TouchDate => DateOnly.FromDateTime(Now);
}

/// <summary>
/// The contact's IANA time zone (GHL's <c>timezone</c>), US state code and E.164 phone, any of them
/// unknown. The phone is resolved once into <see cref="ResolvedPhone"/>, which every stage reads
/// instead of parsing the number again: from the prospect's stored phone facts (<see cref="For"/>),
/// else by parsing it when it is set (constructor or <c>with { Phone = ... }</c>).
/// </summary>
public sealed record RecipientInfo
{
    public static readonly RecipientInfo Unknown = new(null, null, null);

    private readonly string? _phone;

    public RecipientInfo(string? timeZone, string? state, string? phone)
    {
        TimeZone = timeZone;
        State = state;
        Phone = phone;
    }

    private RecipientInfo(string? timeZone, string? state, string? phone, ResolvedPhone? resolvedPhone)
    {
        TimeZone = timeZone;
        State = state;
        _phone = phone;
        ResolvedPhone = resolvedPhone;
    }

    public string? TimeZone { get; init; }

    public string? State { get; init; }

    public string? Phone
    {
        get => _phone;
        init
        {
            _phone = value;
            ResolvedPhone = Phones.ResolvedPhone.Of(value);
        }
    }

    /// <summary>The phone parsed once; null when it is missing or not a valid number.</summary>
    public ResolvedPhone? ResolvedPhone { get; private init; }

    /// <summary>
    /// The prospect as a recipient, its phone built from the facts stored with it, without parsing; a
    /// row whose facts are missing or from other libphonenumber data has its phone parsed instead.
    /// </summary>
    public static RecipientInfo For(SdrProspect prospect) =>
        FromStored(prospect.TimeZone, prospect.State, prospect.Phone, prospect.PhoneHash, prospect.PhoneState, prospect.PhoneZones, prospect.PhoneDataVersion);

    /// <summary><see cref="For(SdrProspect)"/> from the prospect's columns read without the entity (the cadence's load).</summary>
    public static RecipientInfo FromStored(
        string? timeZone, string? state, string? phone, string? phoneHash, string? phoneState, string? phoneZones, string? phoneDataVersion) =>
        phoneDataVersion == Phones.ResolvedPhone.DataVersion
            ? new RecipientInfo(
                timeZone,
                state,
                phone,
                phone is not null && phoneHash is not null ? Phones.ResolvedPhone.FromStored(phone, phoneHash, phoneState, phoneZones) : null)
            : new RecipientInfo(timeZone, state, phone);

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
