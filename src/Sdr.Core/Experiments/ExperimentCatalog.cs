using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>
/// What each A/B test's variants change beyond their templates (step windows, tone), read by the cadence as it
/// plans a sequence's next touch. A test's design never changes once created, so a design read once stays true;
/// one this instance has not seen yet (created or assigned on another instance) is read from the database the
/// first time a sequence of it is planned here.
/// </summary>
public sealed class ExperimentCatalog(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<long, ExperimentDesign> _designs = new();

    /// <summary>The step window <paramref name="variant"/> of test <paramref name="abTestId"/> sets for <paramref name="step"/>; null: the cadence's own.</summary>
    public StepHours? StepHoursFor(long? abTestId, string variant, SequenceStep step) =>
        abTestId is { } id && DesignOf(id).Variant(variant) is { } design && design.Timing.TryGetValue(step, out var hours) ? hours : null;

    /// <summary>The tone <paramref name="variant"/> of test <paramref name="abTestId"/> asks the language model for; null: none.</summary>
    public string? ToneFor(long? abTestId, string variant) =>
        abTestId is { } id ? DesignOf(id).Variant(variant)?.Tone : null;

    internal void Remember(SdrAbTest test) => _designs[test.Id] = ExperimentDesign.Of(test);

    private ExperimentDesign DesignOf(long id) => _designs.GetOrAdd(id, Load);

    private ExperimentDesign Load(long id)
    {
        // Synchronous on purpose: the cadence's window arithmetic is synchronous, and this runs once per test and instance.
        using var scope = scopes.CreateScope();
        var test = scope.ServiceProvider.GetRequiredService<SdrDbContext>().AbTests
            .AsNoTracking()
            .Include(t => t.Variants)
            .SingleOrDefault(t => t.Id == id);
        return test is null ? ExperimentDesign.Empty : ExperimentDesign.Of(test);
    }
}

/// <summary>The fixed part of a test: what each variant changes.</summary>
internal sealed record ExperimentDesign(IReadOnlyDictionary<string, VariantDesign> Variants)
{
    public static readonly ExperimentDesign Empty = new(new Dictionary<string, VariantDesign>());

    public VariantDesign? Variant(string name) => Variants.GetValueOrDefault(name);

    public static ExperimentDesign Of(SdrAbTest test) => new(test.Variants.ToDictionary(
        v => v.Name,
        v => new VariantDesign(v.Tone, StepTimingJson.Read(v.StepTiming)),
        StringComparer.Ordinal));
}

internal sealed record VariantDesign(string? Tone, IReadOnlyDictionary<SequenceStep, StepHours> Timing);
