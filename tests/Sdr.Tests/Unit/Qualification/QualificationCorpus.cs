using Sdr.Core.Qualification;
using static Sdr.Tests.Unit.Qualification.QualificationTestData;

namespace Sdr.Tests.Unit.Qualification;

/// <summary>
/// Hand-labelled conversations (our opener, then the prospect's texts; dated 6 December, so "spring"
/// is three months out): passed, HOT and lead type as a team lead would call them.
/// </summary>
public static class QualificationCorpus
{
    private const string Buyer = LeadTypes.Buyer;
    private const string Seller = LeadTypes.Seller;
    private const string Ambiguous = LeadTypes.Ambiguous;

    public static readonly IReadOnlyList<LabelledConversation> All =
    [
        new("ready buyer", [Opener, "Yes! We're pre-approved for 450k and need to be moved in within 30 days. Can we see some homes this weekend?"], true, true, Buyer),
        new("cash buyer with budget", [Opener, "Cash buyer here, looking for a condo downtown, budget around $600k. Want to close next month"], true, true, Buyer),
        new("pre-approved, two months", [Opener, "We're pre-approved and hoping to buy in the next 2 months"], true, false, Buyer),
        new("pre-approved, hint only", [Opener, "Yes, still interested. We're pre-approved and want to move within 45 days"], true, false, Buyer, Hint: "buyer"),
        new("relocating buyer", [Opener, "Relocating from Chicago for a new job in March. Pre-approved up to $550k, we'd love to tour homes when we visit next week"], true, true, Buyer),
        new("committed buyer", [Opener, "Yes, let's do it! We're ready to buy, pre-approved for 380k, our lease ends in 6 weeks"], true, false, Buyer),
        new("investor", [Opener, "I'm an investor, I pay cash and can close in 2 weeks if the numbers work"], true, false, Buyer),
        new("answers build up", [Opener, "Yes we're looking to buy", "us: Great! When are you hoping to move?", "within 60 days", "us: Have you talked to a lender yet?", "We're pre-approved for 500k"], true, false, Buyer),
        new("bare yes to pre-approval", [Opener, "We want to buy a house next month", "us: Great! Have you been pre-approved yet?", "Yes"], true, false, Buyer),
        new("spanish buyer", [Opener, "Estamos pre-aprobados y queremos comprar en dos meses"], true, false, Buyer),
        new("hot seller", [Opener, "Ready to list now, we already bought our next home and need to sell asap. Thinking around $700k"], true, true, Seller),
        new("motivated seller", [Opener, "We need to sell by March, my husband got a job transfer to Denver. Want to list around 600k"], true, true, Seller),
        new("divorce seller", [Opener, "Going through a divorce, we have to sell the house in the next 60 days. It's paid off."], true, false, Seller),
        new("seller in spring", [Opener, "Thinking of selling in the spring, what's my house worth?"], false, false, Seller),
        new("expired listing", [Opener, "My listing expired last month and I still want to sell. Can you call me?"], false, false, Seller),
        new("inherited house", [Opener, "We inherited my mom's house after she passed away and will probably sell it eventually"], false, false, Seller),
        new("spanish seller", [Opener, "Queremos vender nuestra casa, ¿cuánto vale mi casa?"], false, false, Seller),
        new("just looking", [Opener, "Just looking for now, thanks"], false, false, Ambiguous),
        new("spanish just looking", [Opener, "Solo estamos mirando, gracias"], false, false, Ambiguous),
        new("just curious", [Opener, "Just curious what homes are going for in the area"], false, false, Ambiguous),
        new("tenant", [Opener, "I'm the tenant, not the owner. You want my landlord"], false, false, Ambiguous),
        new("renting, not moving", [Opener, "We're renting and not moving anytime soon"], false, false, Ambiguous),
        new("someday", [Opener, "Maybe someday, no rush"], false, false, Ambiguous),
        new("not sure", [Opener, "Not sure yet, depends on my job"], false, false, Ambiguous),
        new("not pre-approved yet", [Opener, "We're not pre-approved yet but we'd like to buy in the next few months"], false, false, Buyer),
        new("first-time buyers next year", [Opener, "First time buyers, probably next year, still saving for a down payment"], false, false, Buyer),
        new("price range only", [Opener, "Yes looking to buy", "us: What price range are you looking in?", "400-450"], false, false, Buyer),
        new("buy and sell", [Opener, "We need to sell our house and buy something bigger, baby on the way. Hoping to do it this summer"], false, false, Ambiguous),
        new("works in real estate", [Opener, "I work in real estate myself, just seeing what's out there"], false, false, Ambiguous),
        new("slow build-up", [Opener, "Maybe, what's out there around 400k?", "us: Happy to send some. Are you pre-approved?", "Not yet", "us: No problem. When would you want to move?", "Probably summer"], false, false, Ambiguous),
        new("who is this", [Opener, "Who is this?"], false, false, Ambiguous),
        new("stated budget, no timeline", [Opener, "We'd like to buy something under $400k"], false, false, Buyer),
        new("sold, renting, pre-approved", [Opener, "We sold our house last month and are renting until we find something. Pre-approved for $700k"], true, false, Buyer),
        new("baby on the way", [Opener, "my wife and I are expecting a baby and need a bigger place asap"], false, false, Buyer),
        new("what could I get", [Opener, "How much could I get for my house? We're moving to Florida in June"], false, false, Seller),
        new("send listings", [Opener, "Send me listings under 300k"], false, false, Buyer),
        new("bare yes to the opener", [Opener, "Yes"], false, false, Ambiguous),
    ];
}
