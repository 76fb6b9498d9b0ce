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

    /// <summary>Replies for the ObjectionHandler's pattern layer, like tests/Sdr.Tests/Unit/Replies/reply-corpus.tsv.</summary>
    public static readonly string[] Objections =
    [
        "No thanks", "Nah I'm good", "We're not selling", "not interested right now, maybe next year", "Maybe in the fall",
        "We already have an agent", "Ya tengo agente", "working w/ an agent already thx", "Check back in a few months",
        "Tal vez el próximo año", "Too expensive", "The market is crazy", "What's your commission?", "can't afford anything right now",
        "What's this about?", "How did you get my number?", "Más información por favor", "Curious what my place is worth",
        "sure call me", "👍", "I'm not NOT interested", "We're thinking about selling this spring", "Can we see the house this weekend?",
        "We have an agent but what's the price range in this area?", "Yes what's next", "Sí, llámame", "Hi Alex! Good to hear from you",
        "I'm Driving with Do Not Disturb While Driving turned on. I'll see your message when I get where I'm going.",
        "Free Msg: Unable to send message - Message Blocking is active.", "This number is no longer in service.",
    ];

    /// <summary>Email bodies: HTML, quoted history, signatures (classified with isEmail: true).</summary>
    public static readonly string[] Emails =
    [
        "<div dir=\"ltr\">Take me off your list please.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Thu, Dec 3, 2026 at 2:11 PM Alex Rivera &lt;alex@realty.example&gt; wrote:<br></div><blockquote class=\"gmail_quote\">Hi Pat, just following up on my note about your home on Elm Street. Homes nearby sold quickly this fall.</blockquote></div>",
        "Yes, Thursday at 4 works for me. My address is 12 Oak Street.\n\nOn Mon, Dec 1, 2026 at 9:00 AM Alex Rivera <alex@realty.example> wrote:\n> Would Thursday work for a quick walkthrough?\n> Alex",
        "<html><head><style>p{color:red}</style></head><body><p>Can you tell me more about what you're offering?</p><p>Thanks,<br>Jim</p></body></html>",
        "<p>We are not interested at this time.</p><p>Regards,<br>Linda</p><p>________________________________<br>From: Alex Rivera &lt;alex@realty.example&gt;<br>Sent: Tuesday, December 1, 2026 10:00 AM<br>Subject: Your home on Elm</p>",
        "Thank you for your message. I am out of the office until Monday, December 8 with limited access to email.",
    ];

    public static string[] All() => [.. OptOutKeywords, .. Revocations, .. HelpAndOptIn, .. LookAlikes, .. Engagement];

    /// <summary>SMS replies for the full ObjectionHandler: the compliance sample plus the objection sample.</summary>
    public static string[] ObjectionMix() => [.. All(), .. Objections];
}
