using System.Globalization;
using Microsoft.Extensions.Options;

namespace Sdr.Core.Qualification;

/// <summary>
/// The seed's QualificationGate: passes a conversation whose FRS reaches <c>frs_threshold</c> and whose
/// intent confidence reaches <c>intent_confidence_threshold</c>, unless the prospect said something that
/// disqualifies them. HOT at <c>hot_lead_frs_threshold</c>. A failed gate names the one gap to ask about.
/// </summary>
public sealed class QualificationGate(LeadIntentDecoder decoder, IOptions<QualificationOptions> options)
{
    private readonly QualificationOptions _options = options.Value;

    public GateDecision Evaluate(IReadOnlyList<ConversationTurn> conversation, ProspectContext context)
    {
        var profile = decoder.Decode(conversation, context);
        var reasons = new List<string>();
        var disqualified = profile.Disqualifiers;
        if (disqualified.Count > 0)
        {
            reasons.Add($"disqualified: {string.Join(", ", disqualified)}");
        }

        if (profile.FrsScore < _options.FrsThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"frs below threshold ({profile.FrsScore:0.#} < {_options.FrsThreshold:0.#})"));
        }

        if (profile.Confidence < _options.IntentConfidenceThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"intent confidence below threshold ({profile.Confidence:0.00} < {_options.IntentConfidenceThreshold:0.00})"));
        }

        var passed = reasons.Count == 0;
        return new GateDecision(
            passed,
            profile.FrsScore,
            profile.PcsScore,
            profile.LeadType,
            profile.Confidence,
            profile,
            passed ? HandoffTargets.For(profile.LeadType) : null,
            passed ? null : string.Join("; ", reasons))
        {
            IsHot = passed && profile.FrsScore >= _options.HotLeadFrsThreshold,
            NextQuestionGap = passed || disqualified.Count > 0 || profile.Missing.Count == 0 ? null : profile.Missing[0],
        };
    }

    /// <summary>The one qualifying question a failed gate sends (from <c>sdr:qualification:questions</c>); null when there is nothing to ask.</summary>
    public string? QualifyingQuestion(GateDecision decision, string leadType)
    {
        if (decision.NextQuestionGap is not { } gap)
        {
            return null;
        }

        var questions = _options.Questions.GetValueOrDefault(leadType) ?? _options.Questions.GetValueOrDefault(LeadTypes.Ambiguous);
        return questions?.For(gap);
    }

    /// <summary>The GHL tags to add (never replace) for a passed decision: the target bot's activation tag and the qualified tag.</summary>
    public IReadOnlyList<string> ActivationTags(GateDecision decision)
    {
        if (!decision.Passed)
        {
            return [];
        }

        var handoff = _options.Handoff;
        var botTag = decision.HandoffTarget switch
        {
            HandoffTargets.BuyerBot => handoff.BuyerBotTag,
            HandoffTargets.SellerBot => handoff.SellerBotTag,
            _ => handoff.LeadBotTag,
        };
        return [botTag, handoff.QualifiedTag];
    }
}
