using Sdr.Core.Data.Entities;

namespace Sdr.Core.Outbox;

/// <summary>
/// Carries out a kind of queued action that a higher feature owns (an enrolment from a pipeline stage),
/// so its slow work runs on the outbox's loop, claimed and retried like a GHL write, and never inside the
/// ordered webhook processing. A thrown exception retries the action with backoff.
/// </summary>
public interface IOutboxActionHandler
{
    /// <summary>The <see cref="SdrGhlAction.Kind"/> this handler carries out.</summary>
    string Kind { get; }

    /// <summary>Does the action; returns a GHL message id when it sent one.</summary>
    Task<string?> RunAsync(SdrGhlAction action, CancellationToken cancellationToken);
}
