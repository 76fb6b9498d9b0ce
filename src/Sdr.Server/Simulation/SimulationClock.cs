namespace Sdr.Server.Simulation;

/// <summary>
/// The simulation's business clock: it stands still until the simulation moves it, and every timer
/// made on it (a sandbox persona's reply delay) fires only when the clock reaches its due time, in due
/// order. The earliest pending timer is one of the moments the simulation jumps to.
/// </summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>The due time of the earliest timer still waiting; null when none waits.</summary>
    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="target"/>, firing every timer due by then at its own due time (never backwards).</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            Timer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).ThenBy(t => t.Order).FirstOrDefault();
                if (next is null)
                {
                    _now = target > _now ? target : _now;
                    return;
                }

                _now = next.DueAt > _now ? next.DueAt : _now;
                next.Fired();
            }

            next.Invoke();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Timer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
    {
        private static long _created;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public long Order { get; } = Interlocked.Increment(ref _created);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                clock._timers.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = clock._now + dueTime;
                    clock._timers.Add(this);
                }

                return true;
            }
        }

        /// <summary>Called under the clock's lock when the timer fires: a periodic timer waits for its next period.</summary>
        public void Fired()
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                DueAt += _period;
            }
            else
            {
                clock._timers.Remove(this);
            }
        }

        public void Invoke() => callback(state);

        public void Dispose()
        {
            lock (clock._lock)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
