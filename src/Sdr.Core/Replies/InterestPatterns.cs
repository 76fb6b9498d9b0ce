using static Sdr.Core.Replies.ReplyPattern;

namespace Sdr.Core.Replies;

/// <summary>
/// Patterns for replies that keep talking: <c>info_request</c> (the prospect asks us for information: what
/// this is, who we are, how we got the number, what their own home is worth) and <c>engagement</c> (yes,
/// scheduling, interest, plans to buy or sell, questions about a home or the process).
/// </summary>
internal static class InterestPatterns
{
    private const string Interested = @"(interested|intrested|interessted|interesed|intersted|interestd|intereted|interesting)";

    /// <summary>"We're thinking about selling", "relocating for work": a plan to move, with or without a season.</summary>
    public const string PlansToMove =
        @"\b(thinking|thinkin|considering|planning|looking|want|wanna|need|needs|ready|going|trying|hoping|have|decided) (about |of |on |to |at )?(sell|selling|buy|buying|move|moving|list|listing|relocate|relocating|downsize|downsizing|upgrade|upgrading)\b|\b(i'm|im|we're|were|i am|we are) (selling|buying|moving|relocating|listing)\b|\b(queremos|quiero|pensamos|pienso|necesito|necesitamos) (vender|comprar|mudarnos|mudarme)\b";

    public static readonly IReadOnlyList<ReplyPattern> All =
    [
        Of(ReplyCategory.InfoRequest, "tell_me_more",
            @"\btell me more\b|\b(more|some|any|the) (info|information|details|detail|informacion)\b|\b(send|give|share|email|text)( me| us)?( some| more| the| any)? (info|information|details|a brochure)\b|\bexplain\b|\bmas (info|informacion|detalles|datos)\b|\b(quiero|necesito|me da|me das|mande|manda) (mas )?(informacion|info|detalles)\b",
            0.88),
        Of(ReplyCategory.InfoRequest, "what_is_this",
            @"\bwhat('s| is| was|s)? (this|that|it) (about|abt|regarding|re|for|in regards to)\b|^(what|wat|wut|what's|whats|what is) (this|dis|that)( about| abt| for)?$|\bwhat (is|was) (this|it) regarding\b|\bregarding what\b|\bwhat do you mean\b|\bwhat (offer|kind of offer|type of offer|are you offering|is the offer|company|brokerage|house|property)\b|\bwhich (house|property|home|company|offer|address)\b|\bwhat's the catch\b|\bwhats the catch\b|\bhow does (this|it|that) work\b|\b(cash offer|cma)\b|\bde que se trata\b|\bque es esto\b",
            0.85),
        Of(ReplyCategory.InfoRequest, "who_is_this",
            @"^(who|who's|whos|who is|who dis|who are you|who r u|who this)( this| dis| you| u| is this)?$|\bwho (is|are) (this|you|u)\b|\bwho's this\b|\bwhos this\b|\bwho (is|'s) (texting|messaging)\b|\bdo i know you\b|\bwho are you with\b|\bwhat company (are|is) (you|this)\b|\b(are|r) (you|u) (a )?(bot|robot|real person|human|person|scam|scammer)\b|\bis this (a )?(scam|bot|real|legit|spam)\b|\bquien (es|eres|habla|son)\b",
            0.85),
        Of(ReplyCategory.InfoRequest, "how_got_number",
            @"\bhow (did|do|does|would|'d) (you|u|ya|y'all) (get|got|find|found) (my|me|this|our)\b|\bhow'd (you|u) (get|find)\b|\b(where|who) (did )?(you|u) (get|got|find) (my|this|our)\b|\bwhere did (you|u) get\b|\bwho gave (you|u)\b|\b(quien|donde) (le|te|les) (dio|consiguio|saco) (mi|el)\b|\bde donde (saco|sacaste|tiene|tienes) mi\b",
            0.9),
        Of(ReplyCategory.InfoRequest, "home_value",
            ObjectionPatterns.OwnHomeValue + @"|\bcuanto vale\b|\b(market report|comps|comparables|valuation|appraisal)\b",
            0.88),
        Of(ReplyCategory.InfoRequest, "what_listings",
            @"\bwhat (listings|homes|houses|properties) (do you have|you got|are available)\b",
            0.75),

        Of(ReplyCategory.Engagement, "yes",
            @"^(yes|yess|yes sir|yes maam|yeah|yea|yah|ya|yep|yup|sure|sure thing|ok|okay|k|kk|okey|si|claro|claro que si|por supuesto|absolutely|definitely|of course|perfect|great|cool|alright|all right|got it|sounds good|sounds great|that works|works for me|deal|for sure|bet|lol ok|ok thx|ok thanks|thanks|thank you|thx|ty|gracias|that would be great|love to|i'd love to|id love to)\b",
            0.8, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.Engagement, "interested",
            $@"\b{Interested}\b|\bme interesa\b|\b(open|not opposed|not against|down) (to it|to selling|to that|to the idea|for it)\b|^(i'm|im|we're|were|i am|we are) (down|in|open to it)\b|\b(not opposed|not against)\b",
            0.82, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.Engagement, "wants_to_talk",
            @"\b(call|text|email|ring) me\b|\bgive me a (call|ring)\b|\b(let's|lets) (talk|chat|meet|set|do|schedule|connect)\b|\b(love|happy|glad) to (chat|talk|meet)\b|\bcan (we|you) (do a call|talk|chat|meet|come|see|set)\b|\bwhat (time|day|days|times) (works|work|is good|are good)\b|\b(tomorrow|tonight|this afternoon|this weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday) (works|at|morning|afternoon|evening|is good)\b|\bwhen can you\b|\b(come|stop) (by|over|look)\b|\b(llamame|llameme|hablemos)\b",
            0.82),
        Of(ReplyCategory.Engagement, "plans_to_move",
            PlansToMove + @"|\blooking for (a|an|something|[0-9])\b",
            0.82, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.Engagement, "home_question",
            @"\b(still available|available|listing agent|seller|sellers|first time buyers?|bedroom|bedrooms|bed|beds|bath|baths|open house|showing|showings|listings|square feet|sq ft|hoa|closing date|inspection|pre approved|preapproved|mortgage|lender)\b|\b(can|could) you help( me| us)?\b|\b(send|show) me (some |the )?(listings|homes|houses|properties|places)\b",
            0.75),
        Of(ReplyCategory.Engagement, "warm",
            @"^(hi|hello|hey|hiya|good morning|good afternoon|good evening|buenos dias|buenas tardes|hola)\b|\bgood to hear from you\b|\b(talking|talked|thinking|thought) about it\b|\bwhat's next\b|\bwhats next\b|\bwhat do you need\b|\bwhat would you need\b|\bwhat's the process\b|\bwhats the process\b|\bdepends\b|^maybe\b",
            0.65),
    ];
}
