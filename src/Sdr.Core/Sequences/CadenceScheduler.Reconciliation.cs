using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sdr.Core.Sequences;

public sealed partial class CadenceScheduler
{
    /// <summary>
    /// Settles touches of unknown outcome before due touches are claimed, so a step GHL did not take
    /// goes out again in this very batch. A failure here is logged and never holds up sending.
    /// </summary>
    private async Task<int> ReconcileAsync(string? locationId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reconciled = await scope.ServiceProvider.GetRequiredService<TouchReconciler>().ReconcileAsync(locationId, cancellationToken);
            if (reconciled > 0)
            {
                LogReconciled(logger, reconciled);
            }

            return reconciled;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReconcileFailed(logger, exception);
            return 0;
        }
    }

    private async Task<int> RunBeforeBatchAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var work in scope.ServiceProvider.GetServices<IBeforeCadenceBatch>())
        {
            try
            {
                total += await work.RunAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogBeforeBatchFailed(logger, exception, work.GetType().Name);
            }
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed before the cadence batch; the batch goes on")]
    private static partial void LogBeforeBatchFailed(ILogger logger, Exception exception, string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Count} touch(es) of unknown outcome against the GHL conversation history")]
    private static partial void LogReconciled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling touches of unknown outcome failed; the next batch will try again")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
