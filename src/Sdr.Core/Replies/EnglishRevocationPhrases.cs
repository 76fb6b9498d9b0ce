namespace Sdr.Core.Replies;

/// <summary>English free-text revocations. Text is normalised: lower case, single spaces, straight apostrophes.</summary>
internal static class EnglishRevocationPhrases
{
    private const string Intensifier =
        @"(f[a-z*#]*ing|f[a-z*#]*in|f[a-z*#]*n|freaking|freakin|frickin|fricking|effing|damn|goddamn|bloody|with|the|all|your|these|those|this|sending me|ever)";

    private const string ContactingVerb =
        @"(texting|txting|texing|textin|messaging|msging|contacting|calling|emailing|bugging|bothering|harassing|harrassing|"
        + @"spamming|sending|hitting (me|us) up|reaching out|pinging|soliciting|blowing up|blowing me up|"
        + @"texts?|messages?|msgs?|txts?|calls?|spam|sms|emails?|solicitations?)";

    private const string ContactVerb = @"(text|txt|contact|message|msg|call|email|e mail|bother|sms|hit up|reach out to|send)";

    // Plural "calls" only: "end the call early" is about one phone call, not about contacting us.
    private const string MessageNoun = @"(subscription|texts?|messages?|msgs?|txts?|sms|alerts?|notifications?|texting|messaging|marketing|updates|calls|contact|spam|emails?|solicitations?)";

    public static readonly IReadOnlyList<RevocationPhrase> All =
    [
        new(ComplianceRules.StopContacting,
            RevocationPhrase.Compile($@"\b(stop|stopp|quit|cease|stahp)( {Intensifier})?( {Intensifier})? {ContactingVerb}\b"),
            0.97, PhraseGuards.Negation | PhraseGuards.PrefersText),

        new(ComplianceRules.KeepContactingComplaint,
            RevocationPhrase.Compile(@"\bwhy (do|does|are|r|would|the hell do|tf do) (you|u|y'all|yall|they|you guys|you people) (keep|keeps|still|continue to) (texting|txting|messaging|calling|contacting|bugging|bothering|harassing|spamming|text|message|call|contact)\b"),
            0.9, PhraseGuards.None),

        new(ComplianceRules.RemoveMe,
            RevocationPhrase.Compile(@"\b(remove|delete|erase|scrub) (me|us|my (number|name|info|information|contact|contact info|details|phone|phone number|cell|cell number|data)|this (number|phone|cell|contact))\b"),
            0.95, PhraseGuards.Negation | PhraseGuards.ScopedRemoval),

        new(ComplianceRules.RemoveMe,
            RevocationPhrase.Compile(@"\b(take|get) (me|us|my (number|name|info)|this number) off\b|\b(opt|sign) (me|us) out\b"),
            0.95, PhraseGuards.Negation | PhraseGuards.ScopedRemoval),

        new(ComplianceRules.UnsubscribeWord,
            RevocationPhrase.Compile(@"\b(unsubscribe|unsub|unsubcribe|unsuscribe|optout|opt out|stopall|stop all)\b"),
            0.97, PhraseGuards.Negation),

        new(ComplianceRules.RevokeConsent,
            RevocationPhrase.Compile(@"\brevoke( (my|all|any|the|your))? (consent|permission|authorization|authorisation)\b|\bi revoke\b|\bwithdraw (my )?(consent|permission)\b"),
            0.97, PhraseGuards.Negation),

        new(ComplianceRules.DoNotContact,
            RevocationPhrase.Compile($@"\b(don't|dont|do not|dnt|don't you dare|don't you ever|dont you dare)( ever| even)?( ever)?( again)? {ContactVerb}( (or|and|nor) {ContactVerb})?( (me|us|this number|my number|my phone|my cell))?\b"),
            0.95, PhraseGuards.Description | PhraseGuards.TimeWindow | PhraseGuards.PrefersText),

        new(ComplianceRules.DoNotContact,
            RevocationPhrase.Compile($@"\bnever {ContactVerb}( (or|and) {ContactVerb})? (me|us|this number) again\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.DoNotCallList,
            RevocationPhrase.Compile(@"\bdo not call list\b|\bdnc( list)?\b|\bdo not disturb\b|\bdnd\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.LeaveMeAlone,
            RevocationPhrase.Compile(@"\bleave (me|us|my family|my wife|my husband|my mom|my dad)( the [a-z*#]+)? alone\b"),
            0.95, PhraseGuards.Negation),

        new(ComplianceRules.LoseMyNumber,
            RevocationPhrase.Compile(@"\b(lose|forget|delete|erase|remove|trash|burn) (my|this|our|the) (#|(number|digits|contact|info)\b)"),
            0.95, PhraseGuards.Negation),

        new(ComplianceRules.WrongNumber,
            RevocationPhrase.Compile(@"\bwrong (#|(number|num|no|person|guy|girl|lady|contact|phone|cell)\b)|\b(have|got|texting|texted|messaging) the wrong\b|\bnot the (right|correct) (person|number)\b|\b(no one|noone|nobody|no) (here )?(by|named|with) that name\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.NotInterested,
            RevocationPhrase.Compile(@"\b(not|isn't|isnt|aren't|arent|no longer|wasn't|weren't|never|never been)( really| even| at all| very| that| too| remotely| the least bit| one bit)? (interested|intrested|interesed|intersted|interestd|intereted|interessted|interrested|insterested|intersested|intretested|interseted|intrestd)\b|\bno interest\b|\b(un|dis)interested\b"),
            0.9, PhraseGuards.NotInterestedQualifier),

        new(ComplianceRules.Hostile,
            RevocationPhrase.Compile(@"\b(screw|piss|bugger|buzz|sod|shove) (off|you|it)\b|^fu$|\bgo (away|to hell|f[a-z*#]* yourself|kick rocks|pound sand)\b|\bget lost\b|\b(stfu|gtfo|fuckoff|fuckyou)\b|\bleave me the [a-z*#]+ alone\b"),
            0.93, PhraseGuards.Negation),

        new(ComplianceRules.ReportSpamBlock,
            RevocationPhrase.Compile(@"\b(report|reporting|reported|flagging|flagged) (you|u|ur|your number|this number|this as spam|you as spam|it as spam|this to the)\b|\bthis is spam\b|\breported( (you|u|this|it|ur number|your number))?( as)? spam\b|\b(spammer|spammers|spamming)\b|\b(fcc|ftc|tcpa)\b|\b(sue|suing) (you|u|your)\b|\bharass(ment|ing)\b|\b(block|blocking|blocked) (you|u|ur|this number|your number)\b|\b(you're|youre|you are|ur|now|number) blocked\b|\bcease and desist\b|^(i'll |ill |i will |gonna |going to )?(sue|sue you|reported|blocked|blocking|blocking you)$"),
            0.92, PhraseGuards.Negation),

        new(ComplianceRules.CancelMessages,
            RevocationPhrase.Compile($@"\b(cancel|end|halt|terminate|discontinue|disable)( (my|the|these|those|this|all|your|all the|all these|all your))? {MessageNoun}\b"),
            0.95, PhraseGuards.Negation),

        new(ComplianceRules.NoMoreMessages,
            RevocationPhrase.Compile($@"\bno (more|further|additional)( (of (your|these|those)|your|these))? {MessageNoun}\b|\b(don't|dont|do not) (want|need)( (any|anymore|any more|more|your|these|those))*( of)?( (your|these|those))? {MessageNoun}\b"),
            0.95, PhraseGuards.TimeWindow),

        new(ComplianceRules.NoMoreMessages,
            RevocationPhrase.Compile(@"^(please |pls |ok |okay )?(no more|enough|enough already|that's enough|thats enough)( already| now| please| pls| thanks| thank you| of this| with (the|these|your|all) (texts|messages|spam))?$"),
            0.9, PhraseGuards.None),

        new(ComplianceRules.StopContacting,
            RevocationPhrase.Compile($@"\b(make|get) (these|the|this|your|all these|all the|them|it) ({MessageNoun} )?(to )?stop\b"),
            0.93, PhraseGuards.Negation),

        new(ComplianceRules.NeverSignedUp,
            RevocationPhrase.Compile(@"\b(never|didn't|didnt|did not) (signed up|sign up|opted in|opt in|subscribed|subscribe|gave (you )?(my number|permission|consent|my consent)|give (you )?(my number|permission|consent)|asked (for|to be contacted|you to text))\b"),
            0.9, PhraseGuards.None),

        new(ComplianceRules.NeverSignedUp,
            RevocationPhrase.Compile(@"\b(don't|dont|do not) (remember|recall) (ever )?(signing up|opting in|subscribing|giving (you )?(my number|permission|consent))\b"),
            0.9, PhraseGuards.None),

        new(ComplianceRules.NoMoreMessages,
            RevocationPhrase.Compile(@"\bno (texting|texts|txts|text messages|sms|txting)\b"),
            0.93, PhraseGuards.Negation),
    ];
}
