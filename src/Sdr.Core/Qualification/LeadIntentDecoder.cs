using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Sdr.Core.Qualification;

/// <summary>
/// Reads a whole conversation (our touches and replies, the contact's GHL history) into FRS, PCS, a
/// lead type and a confidence. Only the prospect's own words give signals; our messages give context:
/// a reply right after our question is an answer (a bare "yes" affirms what we asked, "June" after
/// "when …?" is a month). Every point comes from a named signal in <c>sdr:qualification</c>.
/// </summary>
public sealed partial class LeadIntentDecoder
{
    public const string TimelineSignal = "timeline";
    public const string TimelineUrgencySignal = "timeline_urgency";
    public const string BudgetSignal = "budget_or_price_stated";
    public const string AnsweredQuestionSignal = "answered_question";
    public const string SeveralRepliesSignal = "several_replies";
    public const string LeadTypeHintSignal = "lead_type_hint";

    /// <summary>Names the decoder gives its own signals; configured signals may not take them.</summary>
    public static readonly IReadOnlyList<string> BuiltInSignals = [TimelineSignal, TimelineUrgencySignal, BudgetSignal, AnsweredQuestionSignal, SeveralRepliesSignal, LeadTypeHintSignal];

    private readonly QualificationOptions _options;
    private readonly IReadOnlyList<ConfiguredSignal> _signals;
    private readonly TimelineReader _timeline;
    private readonly BudgetReader _budget;
    private readonly NegationReader _negation;
    private readonly HashSet<string> _affirmatives;
    private readonly IReadOnlyList<(int MaxDays, double Weight, double PcsWeight, string Name)> _bands;

    public LeadIntentDecoder(IOptions<QualificationOptions> options)
    {
        _options = options.Value;
        _signals = [.. _options.Signals.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ConfiguredSignal(s.Key, s.Value))];
        _negation = new NegationReader(_options.NegationWords, _options.NegationWindow);
        _timeline = new TimelineReader(_negation);
        _budget = new BudgetReader(_negation, _options.Budget.MinAmount);
        _affirmatives = new HashSet<string>(_options.AffirmativeWords.Select(QualificationText.Normalize), StringComparer.Ordinal);
        _bands = [.. _options.Timeline.Bands.Select(b => (b.Value.MaxDays, b.Value.Weight, b.Value.PcsWeight, b.Key)).OrderBy(b => b.MaxDays)];
    }

    public LeadIntentProfile Decode(IReadOnlyList<ConversationTurn> conversation, ProspectContext context)
    {
        var found = new FoundSignals();
        var turns = conversation.OrderBy(t => t.At).ToList();
        (int Days, int Reply)? nearest = null;
        var replies = 0;
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (!turn.FromProspect)
            {
                continue;
            }

            replies++;
            var text = QualificationText.Normalize(turn.Text);
            var where = string.Create(CultureInfo.InvariantCulture, $"reply {replies}");
            var question = i > 0 && !turns[i - 1].FromProspect && turns[i - 1].Text.Contains('?', StringComparison.Ordinal) ? turns[i - 1] : null;
            var asked = question is null ? QuestionKind.None : QuestionKinds.Of(QualificationText.Normalize(question.Text));

            Read(text, turn.At, asked, where, found, ref nearest, replies);
            if (question is not null)
            {
                found.Add(new IntentSignal(AnsweredQuestionSignal, SignalDimensions.Pcs, _options.Engagement.AnsweredQuestionWeight, $"answered our question ({where})"));
                if (IsBareAffirmative(text))
                {
                    // "Are you pre-approved?" → "Yes": the prospect said what we asked.
                    Read(QuestionsIn(QualificationText.Normalize(question.Text)), question.At, QuestionKind.None, $"affirmed our question before {where}", found, ref nearest, replies);
                }
            }
        }

        if (nearest is { } timeline)
        {
            var band = _bands.FirstOrDefault(b => timeline.Days <= b.MaxDays);
            var rule = band.Name is null
                ? string.Create(CultureInfo.InvariantCulture, $"time to move stated, about {timeline.Days} days: beyond every band (reply {timeline.Reply})")
                : string.Create(CultureInfo.InvariantCulture, $"time to move stated, about {timeline.Days} days: band {band.Name} (reply {timeline.Reply})");
            found.Add(new IntentSignal(TimelineSignal, SignalDimensions.Frs, band.Name is null ? 0 : band.Weight, rule));
            if (band.PcsWeight > 0)
            {
                found.Add(new IntentSignal(TimelineUrgencySignal, SignalDimensions.Pcs, band.PcsWeight, rule));
            }
        }

        if (replies > 1 && _options.Engagement.PerExtraReplyWeight > 0)
        {
            var weight = Math.Min(_options.Engagement.MaxRepliesWeight, _options.Engagement.PerExtraReplyWeight * (replies - 1));
            found.Add(new IntentSignal(SeveralRepliesSignal, SignalDimensions.Pcs, weight, string.Create(CultureInfo.InvariantCulture, $"{replies} replies")));
        }

        AddHints(context, found);
        return Profile(found, timelineKnown: nearest is not null);
    }

    private void Read(string text, DateTime at, QuestionKind asked, string where, FoundSignals found, ref (int Days, int Reply)? nearest, int reply)
    {
        foreach (var signal in _signals)
        {
            var (dimension, leadType) = signal.Reported;
            foreach (var (pattern, regex) in signal.Patterns)
            {
                if (FirstPlainMatch(regex, text, out var negated))
                {
                    found.Add(new IntentSignal(signal.Name, dimension, signal.Dimension == SignalDimensions.Disqualifier ? 0 : signal.Weight, $"pattern '{pattern}' ({where})", leadType), signal.Fills);
                    break;
                }

                if (negated)
                {
                    found.AddNegated(new IntentSignal(signal.Name, dimension, 0, $"negated: pattern '{pattern}' ({where})", leadType, Negated: true));
                }
            }
        }

        if (_timeline.Read(text, at, asked == QuestionKind.Timeline) is { } days && (nearest is null || days < nearest.Value.Days))
        {
            nearest = (days, reply);
        }

        if (_budget.Read(text, asked == QuestionKind.Budget))
        {
            found.Add(new IntentSignal(BudgetSignal, SignalDimensions.Frs, _options.Budget.Weight, $"an amount stated ({where})"), QualificationGap.BudgetOrPreApproval);
        }
    }

    /// <summary>Whether the pattern is said plainly; <paramref name="negated"/> tells whether it was said negated instead.</summary>
    private bool FirstPlainMatch(Regex regex, string text, out bool negated)
    {
        negated = false;
        try
        {
            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                if (!_negation.IsNegated(text, match.Index))
                {
                    return true;
                }

                negated = true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A configured pattern too slow for this message reads as no match rather than failing the reply.
        }

        return false;
    }

    /// <summary>The sentences of our message that ask something: "yes" affirms those, not our greeting or pitch.</summary>
    private static string QuestionsIn(string normalizedMessage) =>
        string.Join(" ", Sentence().Matches(normalizedMessage).Select(m => m.Value.Trim()).Where(s => s.EndsWith('?')));

    [GeneratedRegex(@"[^.!?]+[.!?]*")]
    private static partial Regex Sentence();

    private bool IsBareAffirmative(string text)
    {
        var words = QualificationText.Words(text);
        return words.Count > 0 && words.Any(_affirmatives.Contains) && words.All(w => _affirmatives.Contains(w) || AffirmativeFiller.Contains(w));
    }

    private static readonly HashSet<string> AffirmativeFiller = new(
        ["i", "we", "am", "are", "is", "it", "that", "that's", "thats", "please", "right", "lo", "somos", "estamos", "es", "so", "very", "much", "definitely", "absolutely", "of", "course", "claro"],
        StringComparer.Ordinal);

    private void AddHints(ProspectContext context, FoundSignals found)
    {
        var sides = new List<(string Side, string Rule)>();
        if (HintSide(context.LeadTypeHint) is { } hinted)
        {
            sides.Add((hinted, "enrolment lead_type"));
        }

        foreach (var tag in context.Tags.Order(StringComparer.Ordinal))
        {
            if (HintSide(tag) is { } tagged)
            {
                sides.Add((tagged, "contact tag"));
            }
        }

        foreach (var (side, rule) in sides.DistinctBy(s => s.Side))
        {
            found.Add(new IntentSignal($"{LeadTypeHintSignal}_{side}", SignalDimensions.LeadType, _options.LeadType.HintWeight, rule, side));
        }
    }

    private static string? HintSide(string? value)
    {
        var words = value is null ? [] : QualificationText.Words(QualificationText.Normalize(value));
        var buyer = words.Any(w => w is "buyer" or "buyers" or "buy" or "comprador" or "compradores");
        var seller = words.Any(w => w is "seller" or "sellers" or "sell" or "listing" or "vendedor" or "vendedores");
        return buyer == seller ? null : buyer ? LeadTypes.Buyer : LeadTypes.Seller;
    }

    private LeadIntentProfile Profile(FoundSignals found, bool timelineKnown)
    {
        var signals = found.All();
        var counted = signals.Where(s => !s.Negated).ToList();
        var frs = Clamp(counted.Where(s => s.Dimension == SignalDimensions.Frs).Sum(s => s.Weight));
        var pcs = Clamp(counted.Where(s => s.Dimension == SignalDimensions.Pcs).Sum(s => s.Weight));

        double Side(string side, bool words) => counted
            .Where(s => s.LeadType == side && s.Name.StartsWith(LeadTypeHintSignal, StringComparison.Ordinal) != words)
            .Sum(s => s.Weight);
        var buyerWords = Side(LeadTypes.Buyer, words: true);
        var sellerWords = Side(LeadTypes.Seller, words: true);
        var buyer = buyerWords + Side(LeadTypes.Buyer, words: false);
        var seller = sellerWords + Side(LeadTypes.Seller, words: false);
        var ratio = _options.LeadType.DominanceRatio;
        var leadType = buyer > 0 && buyer >= ratio * seller ? LeadTypes.Buyer
            : seller > 0 && seller >= ratio * buyer ? LeadTypes.Seller
            : LeadTypes.Ambiguous;

        var confidence = _options.Confidence;
        var scored = counted.Where(s => s.Dimension is SignalDimensions.Frs or SignalDimensions.Pcs).ToList();
        var independent = scored.Count(s => s.Weight > 0);
        var doubts = scored.Count(s => s.Weight < 0);
        var leadTypeTerm = leadType switch
        {
            LeadTypes.Buyer when buyerWords > 0 && sellerWords == 0 => confidence.LeadTypeClear,
            LeadTypes.Seller when sellerWords > 0 && buyerWords == 0 => confidence.LeadTypeClear,
            LeadTypes.Ambiguous when buyerWords > 0 && sellerWords > 0 => confidence.LeadTypeConflict,
            LeadTypes.Ambiguous => confidence.LeadTypeUnknown,
            _ => 0,
        };
        var sure = confidence.Base + (confidence.PerSignal * Math.Min(independent, confidence.MaxCountedSignals)) + (confidence.PerDoubt * doubts) + leadTypeTerm;

        var filled = counted.Where(s => s.Weight >= 0).SelectMany(found.Fills).ToHashSet();
        if (timelineKnown)
        {
            filled.Add(QualificationGap.Timeline);
        }

        var missing = Enum.GetValues<QualificationGap>().Where(g => !filled.Contains(g)).ToList();
        return new LeadIntentProfile(frs, pcs, leadType, Math.Round(Math.Clamp(sure, 0, 1), 2, MidpointRounding.AwayFromZero), signals, missing);
    }

    private static double Clamp(double score) => Math.Round(Math.Clamp(score, 0, 100), 1, MidpointRounding.AwayFromZero);
}
