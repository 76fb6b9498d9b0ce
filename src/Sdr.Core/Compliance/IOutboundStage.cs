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

    /// <summary>
    /// The decisions for a group of touches, in request order, as if each were evaluated on its own
    /// in that order. A stage that can answer a group with fewer round trips overrides this.
    /// </summary>
    async ValueTask<IReadOnlyList<StageDecision>> EvaluateManyAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken)
    {
        var decisions = new StageDecision[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            decisions[i] = await EvaluateAsync(requests[i], cancellationToken);
        }

        return decisions;
    }
}
