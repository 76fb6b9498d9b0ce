namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_llm_calls</c>: every use of the language model, answered or fallen back (no message text).</summary>
public sealed class SdrLlmCall
{
    public long Id { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public long? ReplyId { get; set; }

    /// <summary><c>classify</c> or <c>compose</c>.</summary>
    public required string Purpose { get; set; }

    public required string Model { get; set; }
    public int LatencyMs { get; set; }
    public bool Succeeded { get; set; }

    /// <summary>Why the patterns or templates were used instead (<c>timeout</c>, <c>error:503</c>, <c>refusal</c>, ...); null on success.</summary>
    public string? FallbackReason { get; set; }

    public DateTime At { get; set; }
}
