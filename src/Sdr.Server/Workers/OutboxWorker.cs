using Sdr.Core.Outbox;

namespace Sdr.Server.Workers;

/// <summary>
/// Carries queued GHL writes out (DND, tags) on its own loop, on every instance. Separate from the
/// <see cref="WebhookWorker"/>, so rate-limited GHL calls never hold up the next webhook event.
/// </summary>
internal sealed class OutboxWorker(GhlActionRunner runner, OutboxSignal signal, ILogger<OutboxWorker> logger) : QueueWorker(signal, logger)
{
    protected override string QueueName => "GHL outbox";

    protected override Task<int> RunDueAsync(int max, CancellationToken cancellationToken) => runner.RunDueAsync(max, cancellationToken);
}
