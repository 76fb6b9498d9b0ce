namespace Sdr.Core.Compliance;

/// <summary>
/// A check every outbound touch passes before it is reserved and sent. Stages run in
/// <see cref="Order"/>; the first that does not continue decides.
/// </summary>
public interface IOutboundStage
{
    int Order { get; }

    string Name { get; }

    ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken);
}
