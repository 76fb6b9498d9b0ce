namespace Sdr.Core.Data.Entities;

/// <summary>Where a prospecting cycle stands. Stored as its lower-case name.</summary>
public enum ProspectingCycleStatus
{
    /// <summary>Waiting for a worker (started by the API or the schedule, or given back by a stopping instance).</summary>
    Queued,

    /// <summary>A worker holds its lease; a lease that runs out means the worker died and another resumes it.</summary>
    Running,
    Completed,
    Failed,
}

/// <summary>What started a prospecting cycle. Stored as its lower-case name.</summary>
public enum ProspectingTrigger
{
    Api,
    Schedule,
}

/// <summary>What a cycle did with one candidate. Stored as its lower-case name.</summary>
public enum ProspectingCandidateStatus
{
    Pending,
    Enrolled,
    Skipped,
    Error,
}

public static class ProspectingNames
{
    public static string ToName(this ProspectingCycleStatus status) => status switch
    {
        ProspectingCycleStatus.Queued => "queued",
        ProspectingCycleStatus.Running => "running",
        ProspectingCycleStatus.Completed => "completed",
        _ => "failed",
    };

    public static ProspectingCycleStatus ParseCycleStatus(string name) => name switch
    {
        "queued" => ProspectingCycleStatus.Queued,
        "running" => ProspectingCycleStatus.Running,
        "completed" => ProspectingCycleStatus.Completed,
        "failed" => ProspectingCycleStatus.Failed,
        _ => throw new FormatException($"Unknown prospecting cycle status '{name}'."),
    };

    public static string ToName(this ProspectingTrigger trigger) => trigger == ProspectingTrigger.Api ? "api" : "schedule";

    public static ProspectingTrigger ParseTrigger(string name) => name switch
    {
        "api" => ProspectingTrigger.Api,
        "schedule" => ProspectingTrigger.Schedule,
        _ => throw new FormatException($"Unknown prospecting trigger '{name}'."),
    };

    public static string ToName(this ProspectingCandidateStatus status) => status switch
    {
        ProspectingCandidateStatus.Pending => "pending",
        ProspectingCandidateStatus.Enrolled => "enrolled",
        ProspectingCandidateStatus.Skipped => "skipped",
        _ => "error",
    };

    public static ProspectingCandidateStatus ParseCandidateStatus(string name) => name switch
    {
        "pending" => ProspectingCandidateStatus.Pending,
        "enrolled" => ProspectingCandidateStatus.Enrolled,
        "skipped" => ProspectingCandidateStatus.Skipped,
        "error" => ProspectingCandidateStatus.Error,
        _ => throw new FormatException($"Unknown prospecting candidate status '{name}'."),
    };
}
