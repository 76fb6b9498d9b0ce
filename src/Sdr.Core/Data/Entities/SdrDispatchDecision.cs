
namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_dispatch_decisions</c>: why each touch was sent, deferred, blocked or failed.</summary>
public sealed class SdrDispatchDecision
{
    public long Id { get; set; }
    public long SequenceId { get; set; }
    public required string ContactId { get; set; }
    public required SequenceStep Step { get; set; }
    public DateTime At { get; set; }
    public required DecisionOutcome Outcome { get; set; }
    public required string Reason { get; set; }
    public DateTime? Until { get; set; }
}
