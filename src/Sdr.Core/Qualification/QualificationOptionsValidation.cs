using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdr.Core.Qualification;

/// <summary>Start-up checks of <c>sdr:qualification</c>; each message names the key to fix.</summary>
internal static partial class QualificationOptionsValidation
{
    private const string Section = QualificationOptions.SectionName;
    public const int MaxQuestionLength = 120;
    private const double MaxWeight = 100;

    public static IEnumerable<string> Failures(QualificationOptions options)
    {
        if (options.HotLeadFrsThreshold < options.FrsThreshold)
        {
            yield return Invariant($"{Section}:hot_lead_frs_threshold ({options.HotLeadFrsThreshold}) must not be below frs_threshold ({options.FrsThreshold}).");
        }

        if (options.Signals.Count == 0)
        {
            yield return $"{Section}:signals must name at least one signal.";
        }

        foreach (var (name, signal) in options.Signals)
        {
            foreach (var failure in SignalFailures($"{Section}:signals:{name}", name, signal))
            {
                yield return failure;
            }
        }

        foreach (var failure in WeightFailures(options))
        {
            yield return failure;
        }

        foreach (var failure in QuestionFailures(options))
        {
            yield return failure;
        }

        foreach (var (key, tag) in Tags(options.Handoff))
        {
            if (string.IsNullOrWhiteSpace(tag))
            {
                yield return $"{Section}:handoff:{key} is required.";
            }
        }
    }

    private static IEnumerable<string> SignalFailures(string key, string name, SignalOptions signal)
    {
        if (!SignalName().IsMatch(name))
        {
            yield return $"{key}: a signal's name must be snake_case (a-z, 0-9, _).";
        }

        if (LeadIntentDecoder.BuiltInSignals.Any(b => name == b || name.StartsWith(b + "_", StringComparison.Ordinal)))
        {
            yield return $"{key}: the name is the decoder's own signal; pick another.";
        }

        if (!SignalDimensions.Configurable.Contains(signal.Dimension))
        {
            yield return $"{key}:dimension must be one of {string.Join(", ", SignalDimensions.Configurable)} (was '{signal.Dimension}').";
        }

        var isLeadType = signal.Dimension is SignalDimensions.Buyer or SignalDimensions.Seller;
        if (!double.IsFinite(signal.Weight) || Math.Abs(signal.Weight) > MaxWeight || (isLeadType && signal.Weight <= 0))
        {
            yield return Invariant($"{key}:weight must be between {(isLeadType ? "0 (exclusive)" : "-100")} and {MaxWeight} (was {signal.Weight}).");
        }

        if (signal.Fills.Length > 0 && QualificationGaps.FromConfigName(signal.Fills) is null)
        {
            yield return $"{key}:fills must be timeline, budget_or_pre_approval or motivation (was '{signal.Fills}').";
        }

        if (signal.Patterns.Count == 0)
        {
            yield return $"{key}:patterns must list at least one pattern.";
        }

        for (var i = 0; i < signal.Patterns.Count; i++)
        {
            if (PatternFailure(signal.Patterns[i]) is { } failure)
            {
                yield return Invariant($"{key}:patterns:{i}: {failure}");
            }
        }
    }

    private static string? PatternFailure(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "a pattern must not be empty.";
        }

        if (pattern.Any(c => c > '\u007F' && char.IsLetter(c)))
        {
            return "write the pattern without accents (matching ignores them: 'ano', 'pre-aprobado').";
        }

        try
        {
            return QualificationText.Bounded(pattern).IsMatch("") ? "the pattern matches an empty message." : null;
        }
        catch (ArgumentException exception)
        {
            return $"not a valid regular expression ({exception.Message}).";
        }
    }

    private static IEnumerable<string> WeightFailures(QualificationOptions options)
    {
        if (options.Timeline.Bands.Count == 0)
        {
            yield return $"{Section}:timeline:bands must name at least one band.";
        }

        foreach (var (name, band) in options.Timeline.Bands)
        {
            if (band.MaxDays <= 0)
            {
                yield return Invariant($"{Section}:timeline:bands:{name}:max_days must be above 0 (was {band.MaxDays}).");
            }

            if (!InRange(band.Weight, 0, MaxWeight))
            {
                yield return Invariant($"{Section}:timeline:bands:{name}:weight must be between 0 and {MaxWeight} (was {band.Weight}).");
            }

            if (!InRange(band.PcsWeight, 0, MaxWeight))
            {
                yield return Invariant($"{Section}:timeline:bands:{name}:pcs_weight must be between 0 and {MaxWeight} (was {band.PcsWeight}).");
            }
        }

        var weights = new (string Key, double Value, double Min, double Max)[]
        {
            ("budget:weight", options.Budget.Weight, 0, MaxWeight),
            ("budget:min_amount", options.Budget.MinAmount, 1, 10_000_000),
            ("engagement:answered_question_weight", options.Engagement.AnsweredQuestionWeight, 0, MaxWeight),
            ("engagement:per_extra_reply_weight", options.Engagement.PerExtraReplyWeight, 0, MaxWeight),
            ("engagement:max_replies_weight", options.Engagement.MaxRepliesWeight, 0, MaxWeight),
            ("lead_type:hint_weight", options.LeadType.HintWeight, 0, MaxWeight),
            ("lead_type:dominance_ratio", options.LeadType.DominanceRatio, 1, 100),
            ("confidence:base", options.Confidence.Base, 0, 1),
            ("confidence:per_signal", options.Confidence.PerSignal, 0, 1),
            ("confidence:max_counted_signals", options.Confidence.MaxCountedSignals, 0, 50),
            ("confidence:per_doubt", options.Confidence.PerDoubt, -1, 0),
            ("confidence:lead_type_clear", options.Confidence.LeadTypeClear, -1, 1),
            ("confidence:lead_type_conflict", options.Confidence.LeadTypeConflict, -1, 1),
            ("confidence:lead_type_unknown", options.Confidence.LeadTypeUnknown, -1, 1),
        };
        foreach (var (key, value, min, max) in weights)
        {
            if (!InRange(value, min, max))
            {
                yield return Invariant($"{Section}:{key} must be between {min} and {max} (was {value}).");
            }
        }
    }

    private static IEnumerable<string> QuestionFailures(QualificationOptions options)
    {
        foreach (var key in options.Questions.Keys.Where(k => !LeadTypes.All.Contains(k)))
        {
            yield return $"{Section}:questions:{key} is not a lead type ({string.Join(", ", LeadTypes.All)}).";
        }

        foreach (var leadType in LeadTypes.All)
        {
            if (!options.Questions.TryGetValue(leadType, out var questions))
            {
                yield return $"{Section}:questions:{leadType} is required (one question per gap).";
                continue;
            }

            foreach (var gap in Enum.GetValues<QualificationGap>())
            {
                var question = questions.For(gap);
                var key = $"{Section}:questions:{leadType}:{gap.ConfigName()}";
                if (string.IsNullOrWhiteSpace(question))
                {
                    yield return $"{key} is required.";
                }
                else if (question.Length > MaxQuestionLength)
                {
                    yield return Invariant($"{key} must be at most {MaxQuestionLength} characters, to fit one SMS with the sender's name (was {question.Length}).");
                }
            }
        }
    }

    private static IEnumerable<(string Key, string Tag)> Tags(HandoffOptions handoff) =>
    [
        ("lead_bot_tag", handoff.LeadBotTag),
        ("buyer_bot_tag", handoff.BuyerBotTag),
        ("seller_bot_tag", handoff.SellerBotTag),
        ("qualified_tag", handoff.QualifiedTag),
    ];

    private static bool InRange(double value, double min, double max) => double.IsFinite(value) && value >= min && value <= max;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SignalName();
}
