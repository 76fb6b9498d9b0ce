using static Sdr.Core.Replies.ReplyPattern;

namespace Sdr.Core.Replies;

/// <summary>Patterns for the two objections that keep the door open: <c>timing</c> (later) and <c>price</c> (money).</summary>
internal static class ObjectionPatterns
{
    private const string Period = @"(year|yr|years|yrs|month|months|mo|mos|week|weeks|spring|summer|fall|autumn|winter|season|quarter)";

    private const string Month = @"(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";

    private const string Count = @"(a|one|two|three|four|five|six|nine|twelve|few|a few|couple|a couple|couple of|a couple of|several|some|[0-9]+|1 or 2|one or two|2 or 3|6 12)";

    /// <summary>"what's my home worth", "homes like mine": the prospect's own home value is an info request, not a price question.</summary>
    public const string OwnHomeValue =
        @"\b(my|our|mi|nuestra) (home|house|place|property|condo|townhouse|casa|propiedad)( is| be| go| sell| list)? (worth|value|valued|go for|sell for|list for|get)\b|\b(worth|value|valuation|vale|valor|appraisal|estimate) (of )?(my|our|mi|nuestra)\b|\b(like|as) (mine|ours)\b|\b(home|house|place) (value|worth)\b|\bwhat (would|could|will|can) (i|we) get for\b|\bwhat (would|could|will) (my|our) \w+ (sell|go|list) for\b";

    public static readonly IReadOnlyList<ReplyPattern> All =
    [
        Of(ReplyCategory.Timing, "not_now",
            @"\b(not|nothing) (right now|rn|now|at the moment|atm|at this moment|currently|for now|today|this year|just yet|yet)\b|^not (now|yet|today|currently)\b|\bnot ready\b|\bnot quite ready\b|\bnot at this (point|stage)\b",
            0.85),
        Of(ReplyCategory.Timing, "later",
            $@"\b(maybe|perhaps|possibly|prob|probably|much|sometime|some time|way|try|ask|check|talk|text|hit me up|reach out|circle back) later\b|^later\b|\blater (maybe|perhaps|on|this (year|month|spring|summer|fall)|in the {Period}|next {Period})\b",
            0.8),
        Of(ReplyCategory.Timing, "next_period",
            $@"\bnext {Period}\b|\b(in|after|until|till|til|within) {Count} {Period}\b|\b{Count} {Period} (from now|out|away|down the road)\b|\b(another|a) (few|couple) {Period}\b|\b(few|couple|couple of|several) {Period}\b|\b(a|one|two|1|2) (year|years|yr|yrs) or (two|so|three|2|3)\b",
            0.85),
        Of(ReplyCategory.Timing, "season_or_month",
            $@"\b(in|by|until|till|til|after|around|come|this|til the|till the|until the) (the )?(spring|summer|fall|autumn|winter|new year|holidays|{Month})\b|\bin may\b|\bthe (spring|summer|fall|winter)\b|\b(hit me up|reach out|check back|follow up|ask me|talk|circle back|try me|give me till|give me until)( again)? in {Month}\b|\bin 20[2-4][0-9]\b",
            0.8, unless: @"\b(bought|purchased|built|moved in|remodeled|renovated) in 20[0-9][0-9]\b|" + InterestPatterns.PlansToMove),
        Of(ReplyCategory.Timing, "call_back_later",
            @"\b(check|reach|circle|touch|follow) back\b|\bcheck in (with me )?(in|after|later|next)\b|\b(reach out|follow up|hit me up|ask me|try me|contact me|text me|talk) (again )?(in|after|next|around)\b|\bdown the (road|line)\b|\bkeep (me|us) (posted|in mind)\b|\bsomeday\b|\bsome day\b|\bin the future\b|\bgive me (a few|some|a couple|till|until|til|a bit|time)\b",
            0.8),
        Of(ReplyCategory.Timing, "not_until",
            @"\bnot (until|till|til|before|for another|for a while|this year|for a (few|couple|bit))\b|\b(waiting|wait) (until|till|til|for|to see)\b|\b(too soon|too early|a while|years out|year out|months out|just bought|just moved|just purchased|bad time|timing isn't right|timing isnt right|timing is not right|timing is off|not the right time|not a good time|busy right now|busy rn)\b|\b(once|after|when) (the |my |our )?(kids|lease|school|baby|holidays|job|divorce|retire|retirement|market)\b",
            0.8),
        Of(ReplyCategory.Timing, "es_later",
            @"\b(el )?(proximo|siguiente) (ano|mes|verano|invierno|otono|primavera)\b|\b(el )?ano que viene\b|\bmas adelante\b|\bmas tarde\b|\b(ahorita|ahora|todavia|aun|por ahora|por el momento) no\b|\bno (por ahora|ahorita|todavia|aun)\b|\bno (estoy|estamos) list[oa]s?\b|\ben (unos|un par de|algunos) (meses|anos)\b|\btal vez (despues|luego|en)\b",
            0.85),

        Of(ReplyCategory.Price, "too_expensive",
            @"\btoo (expensive|pricey|pricy|much|high|steep|costly)\b|\b(overpriced|over priced|expensive|pricey|unaffordable)\b|\b(way )?(out of|over) (my|our) (budget|price range)\b",
            0.88),
        Of(ReplyCategory.Price, "cant_afford",
            @"\b(can't|cant|cannot|can not|couldn't|couldnt|unable to|not able to|never) afford\b|\bafford\b",
            0.88),
        Of(ReplyCategory.Price, "market_crazy",
            @"\b(market|market's|markets|prices|rates|interest rates|values|taxes|insurance)( is| are| r| have| has| just| so| way| too| really| gotten| got)* (crazy|nuts|insane|ridiculous|ridic|wild|bonkers|outrageous|high|through the roof|out of control|terrible|awful|bad)\b",
            0.85),
        Of(ReplyCategory.Price, "fees",
            @"\b(commission|commissions|fee|fees|charge|charging|charges|cost you|costs|closing costs|percent|comision|cobras|cobran|cobra)\b|\b[0-9] (percent|%)\b",
            0.85),
        Of(ReplyCategory.Price, "price_question",
            @"\b(price|prices|pricing|priced|list price|price range|negotiable|budget|rates|asking price|interest rate|precio|precios|caro|cara|caros|caras|carisimo|carisima|carisimos|carisimas|cuesta|cuanto cuesta|cuanto cuestan)\b|\bhow much (is|are|does|do|for|would|was|were)\b|\bhow much\b|\b(do|did) (homes|houses|they|places) (go|sell) for\b|\bwhat (do|are) (homes|houses|places|condos) (going|selling|go|sell) for\b",
            0.8, unless: OwnHomeValue),
        Of(ReplyCategory.Price, "money_amount",
            @"\b[0-9]{2,4}k\b|\b[0-9]{3} ?[0-9]{3}\b|\b[0-9]+ (mil|million|thousand|grand)\b",
            0.6),
    ];
}
