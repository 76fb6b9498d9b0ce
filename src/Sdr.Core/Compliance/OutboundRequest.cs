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

/// <summary>The contact's IANA time zone (GHL's <c>timezone</c>), US state code and E.164 phone, any of them unknown.</summary>
public sealed record RecipientInfo(string? TimeZone, string? State, string? Phone)
{
    public static readonly RecipientInfo Unknown = new(null, null, null);
}
