using Sdr.Core.Compliance.Conversations;

namespace Sdr.Server.Workers;

/// <summary>
/// Sends queued conversational messages (STOP confirmations, HELP replies, answers) through the outbound
/// stages on its own loop, on every instance. Separate from the <see cref="WebhookWorker"/> and the
/// <see cref="OutboxWorker"/>, so neither the next webhook event nor a DND write waits for it.
/// </summary>
internal sealed class OutboundMessageWorker(OutboundMessageRunner runner, OutboundMessageSignal signal, ILogger<OutboundMessageWorker> logger) : QueueWorker(signal, logger)
{
    protected override string QueueName => "Outbound message";

    protected override Task<int> RunDueAsync(int max, CancellationToken cancellationToken) => runner.RunDueAsync(max, cancellationToken);
}
