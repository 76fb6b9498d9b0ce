using System.Globalization;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>
/// The seed's <c>compute_next_touch_time</c> decision: among the moments of a step's window (every
/// <c>grid_minutes</c>) that the recipient's allowed hours permit, the one the location's own reply rates
/// favour, by the recipient's local weekday and hour; the window start unless a moment beats it by
/// <c>min_gain</c> with <c>confidence</c>. Pure: the same counts, recipient and window give the same moment.
/// </summary>
public sealed class SendTimeChooser(IOptions<SequenceOptions> options, QuietHoursPolicy quietHours)
{
    /// <summary>The candidates stop this long after the window start, however long the window.</summary>
    internal static readonly TimeSpan MaxSearch = TimeSpan.FromDays(14);

    private readonly SendTimeOptions _options = options.Value.SendTime;
    private readonly double _z = NormalQuantile(options.Value.SendTime.Confidence);

    /// <summary>
    /// Picks the moment for a touch on <paramref name="channel"/> whose window starts at <paramref name="start"/> (already
    /// moved into the recipient's allowed hours) and ends at <paramref name="windowEnd"/>.
    /// </summary>
    public SendTimeChoice Choose(ChannelReplyCounts? counts, Channel channel, RecipientInfo recipient, DateTime start, DateTime windowEnd)
    {
        if (!_options.Enabled || counts is null || counts.Sent == 0
            || LocalZone.Of(recipient.TimeZone, recipient.State, recipient.ResolvedPhone?.Zones) is not { } zone)
        {
            return SendTimeChoice.Default(start);
        }

        var startEstimate = EstimateAt(counts, start, zone);
        var threshold = startEstimate.Rate * (1 + _options.MinGain);
        var (best, bestEstimate) = (start, startEstimate);
        var (top, topEstimate) = (start, startEstimate);
        var grid = TimeSpan.FromMinutes(_options.GridMinutes);
        var end = windowEnd < start + MaxSearch ? windowEnd : start + MaxSearch;
        for (var candidate = CeilingTo(start + TimeSpan.FromTicks(1), grid); candidate <= end; candidate += grid)
        {
            var estimate = EstimateAt(counts, candidate, zone);
            if (estimate.Rate <= bestEstimate.Rate || estimate.Rate < threshold || estimate.LowerBound(_z) <= startEstimate.Rate)
            {
                if (estimate.Rate > topEstimate.Rate && quietHours.NextAllowedUtc(candidate, recipient) is null)
                {
                    (top, topEstimate) = (candidate, estimate);
                }

                continue;
            }

            if (quietHours.NextAllowedUtc(candidate, recipient) is null)
            {
                (best, bestEstimate) = (candidate, estimate);
            }
        }

        var channelName = Label(channel);
        return best == start
            ? new SendTimeChoice(start, false, Kept(start, startEstimate, top, topEstimate, zone, counts, channelName))
            : new SendTimeChoice(best, true, Moved(best, bestEstimate, start, startEstimate, zone, channelName));
    }

    private ReplyEstimate EstimateAt(ChannelReplyCounts counts, DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return counts.Estimate(local.DayOfWeek, local.Hour, _options.PriorReplyRate, _options.PriorStrength);
    }

    private string Moved(DateTime at, ReplyEstimate estimate, DateTime start, ReplyEstimate startEstimate, TimeZoneInfo zone, string channel)
    {
        var local = Local(at, zone);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{local:ddd HH:mm} local: the best reply hour for this location's {channel} inside the step's window, {Percent(estimate.Rate)} vs {Percent(startEstimate.Rate)} at the window start ({Local(start, zone):ddd HH:mm}); {estimate.HourSent:N0} {channel} sent at {local.Hour:00}:00-{(local.Hour + 1) % 24:00}:00 local in the last {_options.LookbackDays} days, {estimate.HourReplied:N0} answered");
    }

    private string Kept(DateTime start, ReplyEstimate startEstimate, DateTime top, ReplyEstimate topEstimate, TimeZoneInfo zone, ChannelReplyCounts counts, string channel)
    {
        var best = top == start
            ? "no moment in the window expects more"
            : string.Create(CultureInfo.InvariantCulture, $"best {Percent(topEstimate.Rate)} at {Local(top, zone):ddd HH:mm}, not credibly better ({topEstimate.HourSent:N0} sent at that hour)");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Local(start, zone):ddd HH:mm} local, the window start: {Percent(startEstimate.Rate)} expected; {best}; {counts.Sent:N0} {channel} sent by this location in the last {_options.LookbackDays} days");
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static string Percent(double rate) =>
        (rate * 100).ToString(rate < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + " %";

    private static string Label(Channel channel) => channel == Channel.Sms ? "SMS" : channel.ToName();

    private static DateTime CeilingTo(DateTime value, TimeSpan step)
    {
        var remainder = value.Ticks % step.Ticks;
        return remainder == 0 ? value : value.AddTicks(step.Ticks - remainder);
    }

    /// <summary>The standard normal quantile (Acklam's rational approximation; relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}

/// <summary>
/// When a touch goes and why: <see cref="Moved"/> when the data picked a moment other than the window start;
/// <see cref="Explanation"/> is the timeline's sentence, null when there was no data to weigh.
/// </summary>
public sealed record SendTimeChoice(DateTime At, bool Moved, string? Explanation)
{
    public static SendTimeChoice Default(DateTime at) => new(at, false, null);
}
