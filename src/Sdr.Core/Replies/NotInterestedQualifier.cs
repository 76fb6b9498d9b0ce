using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// Tells a bare "not interested" (the seed's not_interested, which opts out) from one the sender
/// qualifies: a timing answer ("not interested right now, maybe next year"), interest in something
/// else ("not interested in selling but want to buy", "I want to sell but not interested in paying 6%"),
/// or a single listing turned down ("not interested in that one"). A time word alone
/// ("not interested at this time") is not enough: only an opening for later turns it into timing.
/// </summary>
internal static class NotInterestedQualifier
{
    private const string Openings =
        @"(maybe|perhaps|possibly|probably|later|next (year|month|spring|summer|fall|winter|season|quarter)|in (a|a few|a couple|the|few|couple|\d+) (months?|years?|weeks?|future)|in (a )?(year|while)|down the (road|line)|reach (back )?out|check (back|in)|circle back|touch base|follow up|someday|some day|in the future|in (the )?(spring|summer|fall|winter)|after|once|until|till|when|ask me|try me|keep (me|us) (posted|in mind|updated|informed|in the loop)|eventually|another time|few months|couple (of )?months|tal vez|talvez|quizas|quiza|mas adelante|proximo ano|ano que viene|en unos meses|despues|luego|cuando|en el futuro|mas tarde)";

    private static readonly Regex TemporalQualifier = RevocationPhrase.Compile(
        @"^( in (selling|buying|moving))?( (right now|now|at the moment|atm|at this (time|point|moment)|currently|yet|just yet|until|till|unless|for now|this year|this season|today|for the time being|at present|por ahora|ahorita|ahora|en este momento|todavia|aun|por el momento|por lo pronto|este ano))\b");

    private static readonly Regex FutureOpening = RevocationPhrase.Compile($@"\b{Openings}\b");

    private static readonly Regex ContrastThenFuture = RevocationPhrase.Compile(
        $@"\b(but|however|though|although|pero|aunque)\b.*\b{Openings}\b");

    private static readonly Regex ContrastThenOpening = RevocationPhrase.Compile(
        @"\b(but|however|though|although|except|unless|pero|aunque|excepto|salvo) (i|i'd|i'm|im|we|we'd|we're|were|my|our|maybe|might|would|could|can|what|how|if|let|send|keep|open|interested|curious|looking|want|wanna|need|do|is|are|am|when|possibly|perhaps|definitely|in|down|check|circle|reach|ask|call|text|the|a|tell|happy|a townhouse|a condo|buying|selling|renting|investing|yo|tal|quizas|quiero|queremos|me|mi|si|cuando|en|mas|buscamos|busco|estamos|estoy)\b");

    private static readonly Regex OtherIntentAfter = RevocationPhrase.Compile(
        @"\b(want|wanna|looking|hoping|planning|trying|would like|interested|open|thinking) (to |about |in )?(buy|buying|purchase|rent|renting|invest|investing|find|upgrade|upgrading|downsize|downsizing|sell|selling)\b|\b(quiero|queremos|buscamos|busco) (comprar|vender|rentar|invertir)\b");

    private static readonly Regex IntentBeforeContrast = RevocationPhrase.Compile(
        @"\b(want|wanna|looking|planning|ready|would|could|considering|thinking|need|interested|open|quiero|queremos|busco|buscamos|me gustaria|pensamos|pienso)\b.*\b(but|though|although|pero|aunque|just)( i'm| we're| im| were| i am| we are)?$");

    private static readonly Regex SpecificListing = RevocationPhrase.Compile(
        @"^ (in|on|about|en) (that|this|those|these|the) (one|ones|house|home|listing|listings|property|properties|area|neighborhood|location|condo|condos|unit|place|street|price|style|layout|town|part|casa|propiedad|zona)\b|^ (in|en) (condos?|townhouses?|townhomes?|apartments?|new construction|fixer uppers?|the suburbs|downtown)\b|^ (esa|esta|ese|este) (casa|propiedad|zona)\b");

    private static readonly Regex PoliteContrast = RevocationPhrase.Compile(
        @"\b(but|though|pero) (i|we)( really| do| truly)? (appreciate|thank)\b");

    public static bool IsQualified(ReadOnlySpan<char> before, ReadOnlySpan<char> after) =>
        (TemporalQualifier.IsMatch(after) && FutureOpening.IsMatch(after))
        || (ContrastThenOpening.IsMatch(after) && !PoliteContrast.IsMatch(after))
        || ContrastThenFuture.IsMatch(after)
        || OtherIntentAfter.IsMatch(after)
        || IntentBeforeContrast.IsMatch(before.TrimEnd())
        || SpecificListing.IsMatch(after);
}
