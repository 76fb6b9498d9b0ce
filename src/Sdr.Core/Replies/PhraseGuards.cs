namespace Sdr.Core.Replies;

/// <summary>Context checks that can turn a revocation pattern match into a look-alike.</summary>
[Flags]
internal enum PhraseGuards
{
    None = 0,

    /// <summary>"please don't stop texting me", "why did you stop texting me?"</summary>
    Negation = 1,

    /// <summary>"realtors who don't call me back": describing someone, not instructing us.</summary>
    Description = 2,

    /// <summary>"don't text me before 9am": a sending window, not a revocation.</summary>
    TimeWindow = 4,

    /// <summary>"don't call me, just text": declines another channel, keeps SMS.</summary>
    PrefersText = 8,

    /// <summary>"not interested right now, maybe next year", "not interested in selling but want to buy".</summary>
    NotInterestedQualifier = 16,

    /// <summary>"remove me from the showing at 3": leaving one appointment, not our list.</summary>
    ScopedRemoval = 32,
}
