namespace Sdr.Sandbox;

public sealed record SandboxStage(string Id, string Name, int Position);

public sealed record SandboxPipeline(string Id, string LocationId, string Name, IReadOnlyList<SandboxStage> Stages);

public sealed class SandboxOpportunity
{
    public string Id { get; set; } = "";

    public string LocationId { get; set; } = "";

    public string PipelineId { get; set; } = "";

    public string PipelineStageId { get; set; } = "";

    public string ContactId { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal MonetaryValue { get; set; }

    public string Status { get; set; } = "open";

    public string Source { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset LastStageChangeAt { get; set; }
}
