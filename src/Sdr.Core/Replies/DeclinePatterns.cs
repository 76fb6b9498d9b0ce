using static Sdr.Core.Replies.ReplyPattern;

namespace Sdr.Core.Replies;

/// <summary>
/// Patterns for replies that turn the offer down: <c>not_interested</c> (opts out, so every pattern is
/// anchored or guarded; plain "not interested" is already caught by the keyword layer) and
/// <c>already_agent</c>.
/// </summary>
internal static class DeclinePatterns
{
    private const string Thanks = @"(thanks?|thank (you|u)|thanx|thx|tx|ty|gracias|sorry|though|tho|anyway|anyways|bye|good luck|buddy|man|bro|sir|maam)";

    private const string AgentNoun = @"(agent|agents|realtor|realtors|realter|realters|relator|relators|realitor|broker|brokerage|real estate agent|listing agent|rep|representation|agente|agentes|corredor|corredora)";

    public static readonly IReadOnlyList<ReplyPattern> All =
    [
        // Bare declines: the whole reply is the no.
        Of(ReplyCategory.NotInterested, "no_thanks",
            $@"^(no|nope|nah|naw|nay|no sir|no maam|hard pass|pass|i'll pass|ill pass|we'll pass|no gracias|gracias pero no|no thank you|no thanks|no thx|no ty)( {Thanks})*( (we're|were|i'm|im|we|i am|we are) (good|ok|okay|fine|all set|set))?( {Thanks})*$",
            0.85, ReplyPatternGuards.QualifiedDecline),
        Of(ReplyCategory.NotInterested, "no_thanks",
            $@"^(i'm|im|we're|were|we|i am|we are|all) (good|ok|okay|fine|all set|set)( {Thanks})*$|^nah (we|i'm|im|we're|were) (good|ok|fine)\b",
            0.8, ReplyPatternGuards.QualifiedDecline),
        Of(ReplyCategory.NotInterested, "no_thanks",
            @"^(no|nope|nah|naw)( (thanks?|thank (you|u)|thx|ty))? (not|we're not|were not|we are not|i'm not|im not) (selling|moving|interested|looking)\b",
            0.88, ReplyPatternGuards.QualifiedDecline),

        Of(ReplyCategory.NotInterested, "no_thanks",
            $@"^(thanks?|thank (you|u)|thx|ty|gracias|appreciate it|i appreciate it)( but| pero)? (no|nope|nah|no thanks|no thank you|we're good|were good|i'm good|im good|we'll pass|i'll pass|pass)( {Thanks})*$",
            0.85, ReplyPatternGuards.QualifiedDecline),

        // "Not selling", "house is not for sale", "we're staying put".
        Of(ReplyCategory.NotInterested, "not_selling",
            $@"\b(not|never|no plans to|no plan to|no intention of|no intentions of|not planning (on|to)|not looking to|not trying to|not going to|not gonna|have no plans to|won't|wont|will never|would never|we'll never|i'll never) (be )?(sell|selling|sellin|list|listing|move|moving)\b",
            0.85, ReplyPatternGuards.QualifiedDecline),
        Of(ReplyCategory.NotInterested, "not_selling",
            @"\b(isn't|isnt|is not|ain't|aint|not) (for sale|on the market)\b",
            0.85, ReplyPatternGuards.QualifiedDecline),
        Of(ReplyCategory.NotInterested, "not_selling",
            @"\b(staying put|not going anywhere|aren't going anywhere|arent going anywhere|are not going anywhere|never leaving|not leaving)\b|\bno (interest|plans?) (in|to) (sell|selling|move|moving)\b",
            0.85, ReplyPatternGuards.QualifiedDecline),
        Of(ReplyCategory.NotInterested, "es_not_selling",
            @"\bno (estamos|estoy) vendiendo\b|\bno (vendemos|vendo|vamos a vender|voy a vender|pensamos vender|pienso vender)\b|\bno (esta|estan) (a la venta|en venta)\b",
            0.85, ReplyPatternGuards.QualifiedDecline),

        // "I have an agent", "working with someone", "my realtor", "ya tengo agente".
        Of(ReplyCategory.AlreadyAgent, "has_agent",
            $@"\b(have|has|had|got|gotten|hired|use|using|signed with|signed on with|went with|going with|listed with|listing with|committed to|working with|working w|work with|workin with|workin w|talking to|talking with|represented by)( (a|an|our|my|another|other|one|some|the|her|his))?( own| different| good| great| local)? {AgentNoun}\b",
            0.9, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.AlreadyAgent, "has_agent",
            @"\b(working with|working w|work with|workin with) (someone|somebody)\b|\b(have|got|found) (someone|somebody|a guy|a gal|one) already\b|\balready (have|got|found|hired) (someone|somebody|a guy|a gal|one|help)\b|\bgot a (guy|gal)\b",
            0.82, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.AlreadyAgent, "my_agent",
            $@"\b(my|our|mi|nuestro|nuestra) {AgentNoun}\b",
            0.85, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.AlreadyAgent, "is_agent",
            $@"\b(i'm|im|i am|we're|were|we are|is|she's|shes|he's|hes|is our|is my|are) (a |an |our |my |also a |also an |actually a |actually an )?{AgentNoun}\b|\b(soy|somos) (agente|agentes|realtor)\b",
            0.85, ReplyPatternGuards.Negatable),
        Of(ReplyCategory.AlreadyAgent, "already_listed",
            @"\b(already|currently|just) (listed|on the market|under contract|in contract|in escrow|pending)\b|\bunder contract (already|with)\b|\b(listed|under contract) with\b",
            0.88, ReplyPatternGuards.Negatable,
            unless: @"\b(list|listed|listing) with (you|u|your|y'all|yall)\b|\bif (we|i) (list|listed)\b"),
        Of(ReplyCategory.AlreadyAgent, "es_has_agent",
            $@"\b(ya )?(tengo|tenemos|trabajo con|trabajamos con|estoy con|estamos con|estoy trabajando con|estamos trabajando con|trabajando con) (un |una |mi |nuestro |nuestra )?{AgentNoun}\b|\bya (tengo|tenemos) (a alguien|quien me ayude|quien nos ayude)\b",
            0.9, ReplyPatternGuards.Negatable),
    ];
}
