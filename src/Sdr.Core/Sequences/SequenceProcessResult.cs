namespace Sdr.Core.Sequences;

public enum SequenceProcessResult
{
    /// <summary>A touch went to GHL.</summary>
    Dispatched,

    /// <summary>Handled without a GHL call: deferred, blocked, paused, already sent or taken by another worker.</summary>
    Skipped,

    /// <summary>The touch failed and will be retried (or was given up).</summary>
    Error,
}
