namespace Sdr.Core.Sequences.Eligibility;

/// <summary>Why a candidate was not enrolled: the names the API and the cycle counts show.</summary>
public static class SkipReasons
{
    /// <summary>In the suppression ledger (opt-out, do-not-call list) by contact or phone, for a channel the cadence uses.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>GHL's DND is on for the contact or for a channel the cadence uses.</summary>
    public const string Dnd = "dnd";

    public const string AlreadyEnrolled = "already_enrolled";

    /// <summary>A sequence of the contact ended less than <c>cooldown_days</c> ago.</summary>
    public const string Cooldown = "cooldown";

    public const string NoPhone = "no_phone";

    /// <summary>Not a valid US number that can take texts (libphonenumber, and GHL's line type when it gives one).</summary>
    public const string NoValidPhone = "no_valid_phone";

    public const string OutsideServiceArea = "outside_service_area";

    /// <summary>The cycle reached <c>max_prospects_per_cycle</c> or its <c>max_per_source</c>.</summary>
    public const string OverCycleLimit = "over_cycle_limit";

    /// <summary>The location reached <c>max_enrollments_per_hour</c>.</summary>
    public const string EnrollmentRateLimited = "enrollment_rate_limited";
}
