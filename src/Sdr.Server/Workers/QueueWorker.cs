using Sdr.Core.Outbox;

namespace Sdr.Server.Workers;

/// <summary>
/// Works one durable queue on its own loop, on every instance: a pass right after work is queued here
/// (<see cref="WorkSignal"/>), every second anyway, and at once again while passes find work. The queue's
/// runner claims its rows, so instances never do the same item; a failed pass is logged and retried.
/// </summary>
internal abstract partial class QueueWorker(WorkSignal signal, ILogger logger) : BackgroundService
{
    private const int BatchSize = 100;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>What the log calls this queue.</summary>
    protected abstract string QueueName { get; }

    /// <summary>Works up to <paramref name="max"/> due items; returns how many it took.</summary>
    protected abstract Task<int> RunDueAsync(int max, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await RunDueAsync(BatchSize, stoppingToken) > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception, QueueName);
            }

            if (!busy)
            {
                try
                {
                    await signal.WaitAsync(Poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue);
}
