using System.Collections.Concurrent;

namespace Sdr.Sandbox.Personas;

/// <summary>
/// Posts the webhooks the sandbox raises on its own, in the background after a delay on the sandbox's
/// clock, to the current <see cref="Target"/> (none: nothing is raised). Every delivery is recorded.
/// </summary>
internal sealed class SandboxEventDispatcher(SandboxState state, SandboxWebhookSender webhooks, SandboxWebhookTarget? target) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
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

        Schedule(TimeSpan.Zero, ct => DeliverAsync(
            "AppointmentCreate",
            appointment.LocationId,
            appointment.ContactId,
            appointment.Id,
            current.Appointment,
            t => webhooks.SendAppointmentCreateAsync(current.Appointment, appointment, current.SendOptions, t),
            ct));
    }

    /// <summary>Runs <paramref name="work"/> after <paramref name="delay"/> on the sandbox's clock, off the caller's thread.</summary>
    public void Schedule(TimeSpan delay, Func<CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var id = Interlocked.Increment(ref _nextWork);

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
}
