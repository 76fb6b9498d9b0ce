using System.Collections.Concurrent;

namespace Sdr.Sandbox.Personas;

/// <summary>
/// Posts the webhooks the sandbox raises on its own, in the background after a delay on the sandbox's
/// clock, to the current <see cref="Target"/> (none: nothing is raised). Every delivery is recorded.
/// </summary>
internal sealed class SandboxEventDispatcher(SandboxState state, SandboxWebhookSender webhooks, SandboxWebhookTarget? target, bool onDemand = false) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly Lock _heldLock = new();
    private readonly List<HeldWork> _held = [];
    private long _nextWork;
    private volatile SandboxWebhookTarget? _target = target;

    public SandboxWebhookTarget? Target
    {
        get => _target;
        set => _target = value;
    }

    public void AppointmentBooked(SandboxAppointment appointment)
    {
        if (_target is not { } current)
        {
            return;
        }

        Schedule(TimeSpan.Zero, appointment.ContactId, ct => DeliverAsync(
            "AppointmentCreate",
            appointment.LocationId,
            appointment.ContactId,
            appointment.Id,
            current.Appointment,
            t => webhooks.SendAppointmentCreateAsync(current.Appointment, appointment, current.SendOptions, t),
            ct));
    }

    /// <summary>
    /// Runs <paramref name="work"/> after <paramref name="delay"/> on the sandbox's clock, off the caller's thread;
    /// on demand (<see cref="SandboxOptions.DeliverEventsOnDemand"/>) it waits for <see cref="DeliverDueAsync"/>.
    /// </summary>
    public void Schedule(TimeSpan delay, string contactId, Func<CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var id = Interlocked.Increment(ref _nextWork);
        if (onDemand)
        {
            lock (_heldLock)
            {
                _held.Add(new HeldWork(state.TimeProvider.GetUtcNow() + delay, contactId, id, work));
            }

            return;
        }

        // The timer starts here, on the caller's thread: a test's fake clock moved after the call always reaches it.
        var due = Task.Delay(delay, state.TimeProvider, _stopping.Token);
        var task = Task.Run(async () =>
        {
            try
            {
                await due;
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // The sandbox is stopping; an unsent answer is simply never sent.
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        });
        _running.TryAdd(id, task);
        if (task.IsCompleted)
        {
            _running.TryRemove(id, out _);
        }
    }

    public async Task DeliverAsync(
        string eventType, string locationId, string contactId, string eventId, Uri url, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        int? status = null;
        try
        {
            using var response = await send(ct);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The target is down: recorded without a status, like a webhook GHL could not deliver.
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // The target timed out.
        }

        state.Record(new SandboxWebhookDelivery(eventType, locationId, contactId, eventId, url, status, state.TimeProvider.GetUtcNow()));
    }

    /// <summary>On demand: when the earliest held webhook is due on the sandbox's clock; null when none is held.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_heldLock)
            {
                return _held.Count == 0 ? null : _held.Min(w => w.DueAt);
            }
        }
    }

    /// <summary>
    /// On demand: delivers every held webhook due by the sandbox's clock, one at a time in a repeatable order
    /// (due time, contact, then the order they were raised in), each after the target has answered the one before.
    /// </summary>
    public async Task DeliverDueAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HeldWork? next;
            lock (_heldLock)
            {
                var now = state.TimeProvider.GetUtcNow();
                next = _held.Where(w => w.DueAt <= now)
                    .OrderBy(w => w.DueAt).ThenBy(w => w.ContactId, StringComparer.Ordinal).ThenBy(w => w.Order)
                    .FirstOrDefault();
                if (next is null)
                {
                    return;
                }

                _held.Remove(next);
            }

            await next.Work(_stopping.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values);
        }
        catch (Exception)
        {
            // Each task records its own outcome; stopping must not fail on one of them.
        }

        _stopping.Dispose();
    }

    private sealed record HeldWork(DateTimeOffset DueAt, string ContactId, long Order, Func<CancellationToken, Task> Work);
}
