using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;

namespace Sdr.Core.Compliance.Caps;

/// <summary><c>max_enrollments_per_hour</c> per location, per UTC clock hour.</summary>
public sealed class EnrollmentThrottle(ICapCounter counter, IOptions<RateLimitOptions> options)
{
    // Longer than the hour so instances with slightly different clocks still share the key.
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private readonly ICapCounter _counter = counter;
    private readonly IOptions<RateLimitOptions> _options = options;

    /// <summary>True when the enrolment is counted; false when the location's hourly limit is reached.</summary>
    public ValueTask<bool> TryEnrollAsync(string locationId, DateTime now, CancellationToken cancellationToken = default)
    {
        var utc = CapClock.AsUtc(now);
        var hourEnds = utc.Date.AddHours(utc.Hour + 1);
        return _counter.TryTakeAsync(CapKeys.HourlyEnrollment(locationId, utc), _options.Value.MaxEnrollmentsPerHour, hourEnds - utc + Grace, cancellationToken);
    }

    /// <summary>Gives the unit back when the enrolment did not happen after all.</summary>
    public ValueTask ReleaseAsync(string locationId, DateTime now, CancellationToken cancellationToken = default) =>
        _counter.ReleaseAsync(CapKeys.HourlyEnrollment(locationId, now), cancellationToken);
}
