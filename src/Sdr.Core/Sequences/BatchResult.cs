namespace Sdr.Core.Sequences;

/// <summary>What one process-batch run did.</summary>
public sealed record BatchResult(int Processed, int Dispatched, int Skipped, int Errors, long DurationMs)
{
    /// <summary>Touches of unknown outcome settled against GHL's conversation history before the batch.</summary>
    public int Reconciled { get; init; }

    /// <summary>Paused conversations handed back to the cadence (the prospect went quiet) before the batch.</summary>
    public int Resumed { get; init; }
}
