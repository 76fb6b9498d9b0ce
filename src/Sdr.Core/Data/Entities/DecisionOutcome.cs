namespace Sdr.Core.Data.Entities;

public static class DecisionOutcome
{
    public const string Sent = "sent";
    public const string Deferred = "deferred";
    public const string Blocked = "blocked";
    public const string Failed = "failed";
}
