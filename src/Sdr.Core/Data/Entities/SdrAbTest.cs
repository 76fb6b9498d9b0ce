namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_ab_tests</c>: an experiment over sequence variants. Its design (variants, weights, tone, timing) is fixed
/// when it is created; only its status changes, through the methods below: <see cref="Stop"/> (running only) and
/// <see cref="Promote"/> (running or stopped, once). A refused transition throws <see cref="InvalidOperationException"/>;
/// callers check <see cref="CanStop"/> and <see cref="CanPromote"/> first and answer a conflict.
/// </summary>
public sealed class SdrAbTest
{
    private const int ReasonMaxLength = 500;

    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The key of its entry under <c>sdr:experiments:tests</c>; null when it was created through the API.</summary>
    public string? ConfigKey { get; set; }

    /// <summary>The GHL location whose enrolments it assigns; null for every location.</summary>
    public string? LocationId { get; set; }

    public AbTestMetric Metric { get; set; }
    public AbTestStatus Status { get; private set; } = AbTestStatus.Running;
    public DateTime CreatedAt { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? StoppedAt { get; private set; }
    public string? StopReason { get; private set; }
    public DateTime? PromotedAt { get; private set; }

    /// <summary>The promoted variant: the default for new enrolments of its location(s).</summary>
    public string? Winner { get; private set; }

    /// <summary>In their order; the first is the control every other variant is compared with.</summary>
    public List<SdrAbTestVariant> Variants { get; set; } = [];

    public bool CanStop => Status == AbTestStatus.Running;

    public bool CanPromote => Status != AbTestStatus.Promoted;

    /// <summary>Ends new assignments; the results stay.</summary>
    public void Stop(string reason, DateTime now)
    {
        if (!CanStop)
        {
            throw new InvalidOperationException($"A/B test {Id} cannot stop: it is {Status.ToName()}.");
        }

        Status = AbTestStatus.Stopped;
        StoppedAt = now;
        StopReason = Trim(reason);
    }

    /// <summary><paramref name="variant"/> becomes the default for new enrolments; the test takes no more assignments.</summary>
    public void Promote(string variant, DateTime now)
    {
        if (!CanPromote)
        {
            throw new InvalidOperationException($"A/B test {Id} cannot be promoted: it already is (winner {Winner}).");
        }

        if (!Variants.Any(v => v.Name == variant))
        {
            throw new InvalidOperationException($"A/B test {Id} has no variant '{variant}'.");
        }

        if (Status == AbTestStatus.Running)
        {
            StoppedAt = now;
            StopReason = "promoted " + variant;
        }

        Status = AbTestStatus.Promoted;
        PromotedAt = now;
        Winner = variant;
    }

    internal static string Trim(string reason) => reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength];
}

/// <summary><c>sdr_ab_test_variants</c>: one arm of an A/B test.</summary>
public sealed class SdrAbTestVariant
{
    public long Id { get; set; }
    public long AbTestId { get; set; }

    /// <summary>0 for the control, then in the order they were given.</summary>
    public int Position { get; set; }

    /// <summary>The sequence variant its contacts get (<c>ab_variant</c>), so the variant's templates are used.</summary>
    public required string Name { get; set; }

    /// <summary>Percent of the test's assignments (the weights of a test sum to 100).</summary>
    public int Weight { get; set; }

    /// <summary>A style the language model is asked to write this variant's answers in; null: none.</summary>
    public string? Tone { get; set; }

    /// <summary>Step windows that replace the cadence's (JSON: step name to min_hours / max_hours); null: the cadence's own.</summary>
    public string? StepTiming { get; set; }

    /// <summary>Set when the guardrail stopped the variant: it takes no new assignments.</summary>
    public DateTime? StoppedAt { get; private set; }

    public string? StopReason { get; private set; }

    public bool IsActive => StoppedAt is null;

    public void Stop(string reason, DateTime now)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"Variant {Name} of A/B test {AbTestId} is already stopped.");
        }

        StoppedAt = now;
        StopReason = SdrAbTest.Trim(reason);
    }
}
