using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Compliance;

/// <summary>
/// One outbound message on its way to GHL: a step of a sequence's cadence (<see cref="Sequence"/> and
/// <see cref="Step"/> set), or a conversational message (<see cref="Conversational"/>: an answer, a
/// confirmation, ...) to a contact that may have no sequence. <see cref="Purpose"/> says which rules
/// of the stages apply (<see cref="MessagePurposeRules"/>).
/// </summary>
public sealed record OutboundRequest(
    SdrOutreachSequence? Sequence,
    SequenceStep? Step,
    Channel Channel,
    ComposedMessage Message,
    DateTime Now,
    MessagePurpose Purpose = MessagePurpose.CadenceStep)
{
    /// <summary>Where the recipient is, as far as GHL tells us: what the hours stage works from.</summary>
    public RecipientInfo Recipient { get; init; } = RecipientInfo.Unknown;

    /// <summary>The day the touch's row carries (<c>touch_date</c>, part of the idempotency key), and the day the per-contact cap counts it in.</summary>
    public DateOnly TouchDate => DateOnly.FromDateTime(Now);

    /// <summary>The location the message goes out from: the sequence's, or the conversational message's.</summary>
    public string LocationId => Sequence?.LocationId ?? RecipientIds.LocationId;

    /// <summary>The GHL contact the message goes to.</summary>
    public string ContactId => Sequence?.ContactId ?? RecipientIds.ContactId;

    /// <summary>The sequence of a cadence touch (what the touch ledger is keyed by); throws for a conversational message.</summary>
    public SdrOutreachSequence TouchSequence => Sequence ?? throw NotACadenceTouch();

    /// <summary>The step of a cadence touch; throws for a conversational message.</summary>
    public SequenceStep TouchStep => Step ?? throw NotACadenceTouch();

    /// <summary>A message that is not a cadence step, to a contact of a location (with or without a sequence).</summary>
    public static OutboundRequest Conversational(MessagePurpose purpose, string locationId, string contactId, Channel channel, ComposedMessage message, DateTime now)
    {
        if (!purpose.IsConversational())
        {
            throw new ArgumentException("A cadence step needs its sequence and step.", nameof(purpose));
        }

        return new OutboundRequest(null, null, channel, message, now, purpose) { RecipientIds = (locationId, contactId) };
    }

    /// <summary>A conversational message's location and contact (a touch's are its sequence's).</summary>
    private (string LocationId, string ContactId) RecipientIds { get; init; }

    private InvalidOperationException NotACadenceTouch() => new($"A {Purpose.ToName()} message is not a cadence touch.");
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
