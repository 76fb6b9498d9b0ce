namespace Sdr.Core.Sequences;

/// <summary>What one process-batch run did.</summary>
public sealed record BatchResult(int Processed, int Dispatched, int Skipped, int Errors, long DurationMs);
