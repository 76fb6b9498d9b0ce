namespace Sdr.Core.Compliance;

/// <summary>
/// A stage that counts the touches it lets through (caps). When a touch it passed does not go out
/// after all, the pipeline gives the unit back so caps are not used up by touches never sent.
/// </summary>
public interface IReleasingStage : IOutboundStage
{
    ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken);
}
