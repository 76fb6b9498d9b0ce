using System.Text.Json;
using System.Text.Json.Serialization;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>A variant's step windows as stored in <c>sdr_ab_test_variants.step_timing</c>: <c>{"email_1":{"min_hours":6,"max_hours":10}}</c>.</summary>
internal static class StepTimingJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string? Write(IReadOnlyDictionary<string, StepHours>? timing) =>
        timing is null || timing.Count == 0
            ? null
            : JsonSerializer.Serialize(
                timing.OrderBy(t => SequenceStepNames.Parse(t.Key.ToLowerInvariant())).ToDictionary(t => t.Key.ToLowerInvariant(), t => new Stored(t.Value.MinHours, t.Value.MaxHours)),
                Options);

    public static IReadOnlyDictionary<SequenceStep, StepHours> Read(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<SequenceStep, StepHours>()
            : JsonSerializer.Deserialize<Dictionary<string, Stored>>(json, Options)!
                .ToDictionary(t => SequenceStepNames.Parse(t.Key), t => new StepHours(t.Value.MinHours, t.Value.MaxHours));

    private sealed record Stored([property: JsonPropertyName("min_hours")] double MinHours, [property: JsonPropertyName("max_hours")] double MaxHours);
}
