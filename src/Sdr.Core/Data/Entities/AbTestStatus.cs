namespace Sdr.Core.Data.Entities;

/// <summary>Where an A/B test stands. Stored as its lower-case name (<c>running</c>, <c>stopped</c>, <c>promoted</c>).</summary>
public enum AbTestStatus
{
    /// <summary>New enrolments without an explicit variant are assigned to its variants.</summary>
    Running,

    /// <summary>No new assignments; its results stay readable and it may still be promoted.</summary>
    Stopped,

    /// <summary>Its winner is the default variant for new enrolments of its location(s); final.</summary>
    Promoted,
}

/// <summary>What "best" means for an A/B test: the rate its verdict and its default promotion are read from.</summary>
public enum AbTestMetric
{
    ReplyRate,
    QualificationRate,
    BookingRate,
}

public static class AbTestNames
{
    public static string ToName(this AbTestStatus status) => status switch
    {
        AbTestStatus.Running => "running",
        AbTestStatus.Stopped => "stopped",
        AbTestStatus.Promoted => "promoted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static AbTestStatus ParseStatus(string name) => name switch
    {
        "running" => AbTestStatus.Running,
        "stopped" => AbTestStatus.Stopped,
        "promoted" => AbTestStatus.Promoted,
        _ => throw new FormatException($"Unknown A/B test status '{name}'."),
    };

    public static readonly IReadOnlyList<string> MetricNames = ["reply_rate", "qualification_rate", "booking_rate"];

    public static string ToName(this AbTestMetric metric) => metric switch
    {
        AbTestMetric.ReplyRate => "reply_rate",
        AbTestMetric.QualificationRate => "qualification_rate",
        AbTestMetric.BookingRate => "booking_rate",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public static AbTestMetric? TryParseMetric(string? name) => name switch
    {
        "reply_rate" => AbTestMetric.ReplyRate,
        "qualification_rate" => AbTestMetric.QualificationRate,
        "booking_rate" => AbTestMetric.BookingRate,
        _ => null,
    };

    public static AbTestMetric ParseMetric(string name) =>
        TryParseMetric(name) ?? throw new FormatException($"Unknown A/B test metric '{name}'.");
}
