namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>Decides what may be retried: only what GHL can safely see twice.</summary>
internal enum GhlCallKind
{
    /// <summary>GETs and the search POSTs.</summary>
    Read,

    /// <summary>Repeating it leaves the same state (tags add/remove, DND PUT, upsert).</summary>
    IdempotentWrite,

    /// <summary>Repeating it acts twice (message send, workflow enrolment, note, appointment).</summary>
    NonIdempotentWrite,
}
