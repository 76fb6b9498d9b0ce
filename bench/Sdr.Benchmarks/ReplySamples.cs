namespace Sdr.Benchmarks;

/// <summary>
/// Inbound replies like the labelled corpus of the unit tests (tests/Sdr.Tests/Unit/Replies/ComplianceCorpus.cs),
/// a sample of each kind in about the corpus's proportions, plus a few longer messages.
/// </summary>
internal static class ReplySamples
{
    public static readonly string[] OptOutKeywords =
    [
        "STOP", "stop", "Stop.", "Stop!!!", "  STOP  ", "STOP 🛑", "“STOP”", "Stop please", "Please stop", "STOP!!! now",
        "Stop it", "I said STOP", "Stop, thanks", "ＳＴＯＰ", "S T O P", "Stooooop", "STOP\nSent from my iPhone", "STOP Mike",
        "Unsubscribe Karen", "STOPALL", "UNSUBSCRIBE", "unsubcribe", "CANCEL", "END", "QUIT", "REVOKE", "OPT-OUT", "REMOVE ME",
        "Who is this?? STOP", "wrong person. stop", "STOP TEXTING ME", "⛔",
    ];

    public static readonly string[] Revocations =
    [
        "stop texting me please", "Please stop messaging me.", "Quit texting me", "Remove me from your list", "Take me off your list",
        "Don’t text me again", "do not contact me anymore", "Never text me again", "Leave me alone", "Lose my number", "Wrong number",
        "You have the wrong number", "Not interested", "I’m not interested in selling", "Thank you, but we're not interested",
        "No longer interested", "Fuck off", "Go away", "This is spam. Reporting you", "I'm on the do not call list",
        "If you don't stop texting me I will report you", "I never signed up for this", "No more texts please",
        "I'm not interested in selling, stop texting me", "How do I unsubscribe?", "Cease and desist", "Stop harassing me or I'll call the police",
        "Ya no me escriba", "Quítame de la lista", "Número equivocado", "No me interesa", "Dame de baja", "NO MÁS 🙏",
    ];

    public static readonly string[] HelpAndOptIn = ["HELP", "Help!", "INFO", "Ayuda", "START", "UNSTOP", "Start texting me again", "Yes START"];

    public static readonly string[] LookAlikes =
    [
        "can I stop by the open house?", "I can't stop thinking about that house", "please don't stop texting me",
        "cancel my showing for tomorrow, reschedule?", "not interested right now, maybe next year", "not interested in selling but want to buy",
        "¿Para cuándo estaría lista la casa?", "Why did you stop texting me?", "Don't call me, just text", "don't text me after 9pm please",
        "how did you get my number?", "Who is this?", "Please keep texting me listings", "No más de 300 mil",
        "No me interesa por ahora, tal vez el próximo año", "Help me find a 3 bedroom", "Stop calling me, texting is fine",
        "We are not interested in selling at this time but please keep us in mind", "Remove me from the showing at 3 and add my husband",
        "I'm not interested but my neighbor might be",
    ];

    public static readonly string[] Engagement =
    [
        "yes I'd like a value estimate", "what's my home worth?", "call me tomorrow after 5", "we already have an agent",
        "Sure, send me the comps", "Maybe later this year", "Yes", "ok", "Thanks!", "Tell me more", "No thanks", "Sí, me interesa",
        "¿Cuánto vale mi casa?", "Can we see it this weekend?", "👍",
        "Hi Alex, thanks for reaching out. We've been thinking about downsizing once our youngest leaves for college next fall. "
            + "Could you send me what the three-bedroom on Maple sold for, and maybe give me a call Thursday after 6? My husband wants to be on the call too.",
        "We bought in 2019 and did a full kitchen remodel plus a new roof last year. Not in a rush, but curious what it would list for today. "
            + "Is your estimate free? Don't want a bunch of calls from other agents afterwards.",
    ];

    public static string[] All() => [.. OptOutKeywords, .. Revocations, .. HelpAndOptIn, .. LookAlikes, .. Engagement];
}
