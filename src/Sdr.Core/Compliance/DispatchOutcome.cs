using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance;

public enum DispatchResultKind
{
    /// <summary>GHL took the touch.</summary>
    Sent,

    /// <summary>A stage moved it to a later time.</summary>
    Deferred,

    /// <summary>A stage, or GHL with a permanent 4xx, refused it for good.</summary>
    Blocked,

    /// <summary>The step was already sent (a retry after a crash); nothing was sent now.</summary>
    AlreadySent,

    /// <summary>Another worker holds the reservation right now.</summary>
    InFlight,

    /// <summary>GHL may or may not have taken it; it is never re-sent blindly.</summary>
    OutcomeUnknown,

    /// <summary>GHL surely did not take it; it may be tried again later.</summary>
    Failed,
}

public sealed record DispatchOutcome(DispatchResultKind Kind, string Reason, SdrOutreachTouch? Touch = null, DateTime? Until = null, GoHighLevel.GhlApiException? Error = null)
{
    /// <summary>The recipient may not be contacted at all any more: the sequence ends as opted out.</summary>
    public bool EndsSequence { get; init; }

    /// <summary>GHL's id of a conversational message it took (a touch's is on <see cref="Touch"/>).</summary>
    public string? GhlMessageId { get; init; }
}
