namespace Sdr.Core.Sequences;

/// <summary>
/// A location's sent and answered touches of one channel by the recipient's local weekday and hour, and the
/// reply rate each moment is expected to draw: every estimate is a Beta posterior mean whose prior is the
/// level above it (hour and weekday from the hour, the hour from the channel, the channel from the configured
/// prior), so that a cell with little data stays near what is known around it and zero data gives the prior.
/// </summary>
public sealed class ChannelReplyCounts
{
    private readonly int[,] _sent = new int[7, 24];
    private readonly int[,] _replied = new int[7, 24];
    private readonly int[] _hourSent = new int[24];
    private readonly int[] _hourReplied = new int[24];

    /// <summary>Every sent touch of the channel, also those whose recipient's local time is unknown.</summary>
    public int Sent { get; private set; }

    public int Replied { get; private set; }

    /// <summary>Adds touches sent at a known local weekday and hour.</summary>
    public void Add(DayOfWeek day, int hour, int sent, int replied)
    {
        _sent[(int)day, hour] += sent;
        _replied[(int)day, hour] += replied;
        _hourSent[hour] += sent;
        _hourReplied[hour] += replied;
        AddUnplaced(sent, replied);
    }

    /// <summary>Adds touches whose recipient's local time is unknown: they count for the channel only.</summary>
    public void AddUnplaced(int sent, int replied)
    {
        Sent += sent;
        Replied += replied;
    }

    public int SentAt(int hour) => _hourSent[hour];

    public int RepliedAt(int hour) => _hourReplied[hour];

    public int SentAt(DayOfWeek day, int hour) => _sent[(int)day, hour];

    /// <summary>The expected reply rate of a touch sent at this local weekday and hour.</summary>
    public ReplyEstimate Estimate(DayOfWeek day, int hour, double priorRate, double strength)
    {
        var channel = Shrink(Replied, Sent, priorRate, strength);
        var hourly = Shrink(_hourReplied[hour], _hourSent[hour], channel, strength);
        var cell = Shrink(_replied[(int)day, hour], _sent[(int)day, hour], hourly, strength);
        return new ReplyEstimate(cell, _hourSent[hour], _hourReplied[hour], _sent[(int)day, hour]);
    }

    private static double Shrink(int replied, int sent, double prior, double strength) =>
        (replied + (strength * prior)) / (sent + strength);
}

/// <summary>
/// The expected reply rate of one local weekday and hour, and the data behind it: the touches sent at that
/// hour (any weekday), how many were answered, and those sent on that weekday at that hour.
/// </summary>
public readonly record struct ReplyEstimate(double Rate, int HourSent, int HourReplied, int CellSent)
{
    /// <summary>
    /// A one-sided lower bound of the rate (normal approximation over the hour's own touches, the
    /// data that moves the estimate): a moment with few touches behind it cannot look credibly better.
    /// </summary>
    public double LowerBound(double z) =>
        HourSent == 0 ? 0 : Rate - (z * Math.Sqrt(Rate * (1 - Rate) / HourSent));
}

/// <summary>A location's reply counts per channel (<c>sms</c>, <c>email</c>, <c>voicemail</c>), as counted at <see cref="CountedAt"/>.</summary>
public sealed record ReplyRateModel(string LocationId, DateTime CountedAt, IReadOnlyDictionary<string, ChannelReplyCounts> Channels)
{
    public ChannelReplyCounts? For(string channel) => Channels.GetValueOrDefault(channel);
}
