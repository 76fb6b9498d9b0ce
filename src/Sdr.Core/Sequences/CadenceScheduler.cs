using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data;

namespace Sdr.Core.Sequences;

/// <summary>
/// Processes due touches: claims due sequences with a lease (so no two workers or instances take the
/// same one), then advances each in its own scope with bounded concurrency.
/// </summary>
public sealed partial class CadenceScheduler(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<PerformanceOptions> performance,
    ILogger<CadenceScheduler> logger)
{
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Sequences advanced together: one reservation and one outcome transaction per chunk. A batch is cut
    /// into at least four chunks when it is large enough, each of 50 to 250 sequences: bigger chunks spread
    /// each commit and each cold read of the indexes over more touches, more chunks keep the pipeline full.
    /// (Cadence benchmark: 100 per chunk, two in flight, ~5,400 touches/s; 250, three in flight, batch 1,000, ~6,900.)
    /// </summary>
    internal const int MinChunkSize = 50;

    internal const int MaxChunkSize = 250;

    /// <summary>
    /// Chunks in flight at once, so that one chunk's database work (serialised on SQLite) overlaps the
    /// others' GHL calls. They share <c>dispatch_concurrency</c> (<see cref="CallSlots"/>): no more GHL calls
    /// than that run at once, and the last chunk of a batch, left alone, may use them all.
    /// </summary>
    private const int ChunksInFlight = 3;

    public async Task<BatchResult> ProcessDueTouchesAsync(int batchSize, string? locationId = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var reconciled = await ReconcileAsync(locationId, cancellationToken);
        var resumed = await RunBeforeBatchAsync(cancellationToken);
        var claimToken = Guid.NewGuid();
        var ids = await ClaimDueAsync(claimToken, batchSize, locationId, cancellationToken);

        int dispatched = 0, skipped = 0, errors = 0;
        var concurrency = performance.Value.DispatchConcurrency;
        var chunkSize = Math.Clamp((ids.Count + 3) / 4, MinChunkSize, MaxChunkSize);
        var inFlight = Math.Max(1, Math.Min(Math.Min(ChunksInFlight, concurrency), (ids.Count + chunkSize - 1) / chunkSize));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken };
        using var callSlots = new CallSlots(concurrency);
        await Parallel.ForEachAsync(ids.Chunk(chunkSize), parallel, async (chunk, ct) =>
        {
            foreach (var result in await AdvanceChunkAsync(chunk, claimToken, callSlots, ct))
            {
                _ = result switch
                {
                    SequenceProcessResult.Dispatched => Interlocked.Increment(ref dispatched),
                    SequenceProcessResult.Skipped => Interlocked.Increment(ref skipped),
                    _ => Interlocked.Increment(ref errors),
                };
            }
        });

        return new BatchResult(ids.Count, dispatched, skipped, errors, stopwatch.ElapsedMilliseconds) { Reconciled = reconciled, Resumed = resumed };
    }

    /// <summary>Claims one sequence (for example right after enrolment) and advances it.</summary>
    public async Task<SequenceProcessResult?> ProcessSequenceNowAsync(long sequenceId, CancellationToken cancellationToken = default)
    {
        var claimToken = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<CadenceStore>().ClaimAsync(sequenceId, claimToken, now, ClaimLease, cancellationToken))
            {
                return null;
            }
        }

        using var callSlots = new CallSlots(1);
        return (await AdvanceChunkAsync([sequenceId], claimToken, callSlots, cancellationToken))[0];
    }

    private async Task<IReadOnlyList<long>> ClaimDueAsync(Guid claimToken, int batchSize, string? locationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CadenceStore>();
        return await store.ClaimDueAsync(claimToken, batchSize, locationId, time.GetUtcNow().UtcDateTime, ClaimLease, cancellationToken);
    }

    private async Task<IReadOnlyList<SequenceProcessResult>> AdvanceChunkAsync(long[] ids, Guid claimToken, CallSlots callSlots, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<OutreachSequenceEngine>();
            var results = await engine.AdvanceSequencesAsync(ids, claimToken, callSlots, cancellationToken);
            return ids.Select(id => results[id]).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The claim leases run out by themselves, so these sequences are picked up again later;
            // a touch reserved but never confirmed is then flagged, not re-sent.
            LogChunkFailed(logger, exception, ids.Length);
            return ids.Select(_ => SequenceProcessResult.Error).ToList();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Count} sequence(s) failed; they will be retried when their claim lease expires")]
    private static partial void LogChunkFailed(ILogger logger, Exception exception, int count);
}
