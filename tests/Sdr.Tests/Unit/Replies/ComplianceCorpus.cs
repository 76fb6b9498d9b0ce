using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

/// <summary>
/// Realistic inbound SMS replies to a real-estate prospecting text, hand-labelled. Opt-outs must all
/// be caught; look-alikes and engagement must never be.
/// </summary>
public static class ComplianceCorpus
{
    public static readonly IReadOnlyList<LabelledReply> All =
    [
        .. Label(ReplyKind.CarrierKeyword, ComplianceIntent.OptOut,
        [
            "STOP", "stop", "Stop", "sToP", "STOP.", "Stop.", "stop!", "Stop!!!", "STOP!!!", "STOP?", "  STOP  ",
            "STOP 🛑", "🛑 STOP 🛑", "stop 🙄", "Stop 😡😡", "“STOP”", "'stop'", "**STOP**", "Stop please",
            "stop please", "Please stop", "please stop.", "Stop pls", "STOP!!! now", "Stop now!", "STOP STOP STOP",
            "Stop it", "I said STOP", "Stop, thanks", "Stop. Thank you", "ＳＴＯＰ", "S T O P", "S.T.O.P.", "Stooooop",
            "STOPPPP", "STOP\nSent from my iPhone", "STOP Mike", "Unsubscribe Karen", "STOPALL", "Stopall", "Stop all",
            "STOP ALL", "UNSUBSCRIBE", "Unsubscribe", "unsubscribe please", "Unsubscribe me", "unsubcribe",
            "CANCEL", "Cancel", "cancel.", "Cancel please", "END", "End", "end!", "END.", "QUIT", "Quit",
            "quit it", "REVOKE", "Revoke", "OPTOUT", "OptOut", "OPT OUT", "opt out", "OPT-OUT", "Opt-out.",
            "opt out please", "Remove", "REMOVE ME", "Stop. Who is this?", "Who is this? Stop", "Who is this?? STOP",
            "wrong person. stop", "Stop texting me", "STOP TEXTING ME", "stop texting", "STOP F***ING TEXTING ME",
            "⛔", "🛑",
        ]),
        .. Label(ReplyKind.EnglishRevocation, ComplianceIntent.OptOut,
        [
            "stop texting me please", "Please stop messaging me.", "Can you stop contacting me", "stop calling and texting me",
            "Quit texting me", "Stop sending me these", "Stop with the texts", "Remove me from your list", "remove me",
            "Please remove my number", "Take me off your list", "take me off your mailing list please",
            "Unsubscribe me from this", "Don’t text me again", "Don't contact me", "do not contact me anymore",
            "dont text me", "Do not text this number", "don't ever call or text me again", "Don’t you dare text me again",
            "Please don't message me anymore", "Never text me again", "Leave me alone", "Leave me the f alone",
            "Lose my number", "Delete my number please", "Wrong number", "wrong number, sorry", "You have the wrong number",
            "Wrong #", "Not the right person", "Nobody here by that name", "Not interested", "not interested.",
            "Not interested, thanks", "Not intrested", "I'm not interested", "I’m not interested in selling",
            "We are not interested at all", "No longer interested", "Not interested at this time", "Not interested right now.",
            "Thanks but not interested", "Thank you, but we're not interested", "I appreciate it but I'm not interested",
            "Not interested, but thank you for reaching out", "My wife and I aren't interested", "No interest",
            "f*** off", "Fuck off", "F off", "fuck you", "Go away", "Get lost", "stfu", "This is spam. Reporting you",
            "I'm on the do not call list", "If you don't stop texting me I will report you", "Why do you keep texting me?",
            "I never signed up for this", "Opt me out", "No more texts please", "Cancel these texts",
            "I'm not interested in selling, stop texting me", "Stop. I already sold", "unsubscribe me please thanks",
            "Who is this? Remove me", "Don't call me", "I'm blocking your number", "I revoke my consent",
            "How do I unsubscribe?", "I don't want any more texts", "No more messages", "Stop bothering me",
            "Enough!", "Please no more", "Stop calling me",
            "Not interested in selling, thanks", "Take me off", "Never contact me again", "Can you guys please stop",
            "can u stop", "Why won't you stop texting me?", "No texting please, call me", "Cease and desist", "Blocked.",
            "Not interested, but good luck", "I never gave you my number", "how do I stop these texts?",
            "I didn't ask for this, stop", "No. Stop texting me.", "Stop harassing me or I'll call the police", "FU",
            "Fuck off and die", "Go to hell", "I don't remember signing up",
        ]),
        .. Label(ReplyKind.SpanishRevocation, ComplianceIntent.OptOut,
        [
            "PARAR", "Parar", "para", "Para!", "Alto", "ALTO", "Cancelar", "cancelar por favor", "No más", "no mas",
            "NO MÁS 🙏", "Basta", "Ya basta", "Ya no me escriba", "No me escribas", "No me escribas más",
            "Quítame de la lista", "Quitame de la lista por favor", "No me contactes", "No me contacte",
            "Deja de escribirme", "Dejen de mandarme mensajes", "Número equivocado", "No me interesa",
            "No estoy interesado", "No estamos interesados, gracias", "Dame de baja", "Bórrame de su lista",
            "Déjame en paz", "No más mensajes por favor", "Ya no quiero recibir mensajes", "No me llame más",
            "Para ya por favor", "No vuelva a escribirme", "Sácame de tu lista", "Equivocado", "No me llames",
            "Ya basta de mensajes", "BAJA",
        ]),
        .. Label(ReplyKind.Help, ComplianceIntent.Help,
        [
            "HELP", "help", "Help!", "help?", "HELP please", "INFO", "info", "Info?", "Ayuda", "AYUDA!",
        ]),
        .. Label(ReplyKind.OptIn, ComplianceIntent.OptIn,
        [
            "START", "start", "Start.", "UNSTOP", "unstop", "SUBSCRIBE", "Opt in", "opt-in please", "RESUME",
            "Start texting me again", "Yes START",
        ]),
        .. Label(ReplyKind.LookAlike, ComplianceIntent.None,
        [
            "can I stop by the open house?", "Stop by anytime", "I can't stop thinking about that house",
            "don't stop sending listings!", "please don't stop texting me", "the bus stop",
            "cancel my showing for tomorrow, reschedule?", "end of the month works",
            "not interested right now, maybe next year", "not interested in selling but want to buy",
            "is it too late to cancel my offer?", "I quit my job and need a smaller place",
            "remove the old listing photo", "para cuando?", "¿Para cuándo estaría lista la casa?",
            "Is there a bus stop nearby?", "We'll stop by Saturday", "Can we stop at the Elm St house first?",
            "The house is at the end of the street", "End unit townhomes only please",
            "Can you cancel the 3pm showing and move it to 5?", "Why did you stop texting me?", "Did the seller cancel?",
            "I'm not interested in that one, anything with a pool?", "Not interested in condos but a townhouse could work",
            "not interested yet, maybe in the spring", "Don't call me, just text", "Don't call me before 9am",
            "don't text me after 9pm please", "What's the deadline to cancel the inspection?", "how did you get my number?",
            "Who is this?", "Remove the carpet and it'd be perfect", "Can you remove the lockbox?",
            "We want to end our lease early", "Please keep texting me listings", "Don't stop, keep them coming!",
            "Non-stop traffic on that street though", "It's a one-stop shop", "I wanna cancel my listing with my current agent",
            "My wife said to quit looking", "When does the open house end?", "Is the offer deadline end of day?",
            "para mi hija", "¿Para qué precio?", "No más de 300 mil", "Basta con que me mandes el precio",
            "Alto precio para esa zona", "No puedo parar de pensar en esa casa", "Quiero vender, pero no me interesa pagar 6%",
            "No me interesa por ahora, tal vez el próximo año", "I want to sell but not interested in paying 6%",
            "The stop sign at the corner bugs me", "Does the HOA let you quit the pool?", "Help me find a 3 bedroom",
            "Can you help us?", "I need more info on 12 Oak St", "Let's start with a value estimate",
            "Just started looking", "Not interested in selling right now but maybe in a few months",
            "Could you text me instead of calling?", "Stop calling me, texting is fine", "not interested until rates drop",
            "We are not interested in selling at this time but please keep us in mind", "Good enough",
            "Could we end the call early tomorrow?", "Remove me from the showing at 3 and add my husband",
            "Please stop by the office", "Don't cancel my showing!", "Is there a cancellation fee?",
            "We can cancel if the inspection fails right?", "No me interesa ahorita pero tal vez el próximo año",
            "I'm not interested but my neighbor might be", "Please text don't call", "Don't email me, text me",
            "don't text me till Monday", "Realtors who don't call me back drive me nuts",
        ]),
        .. Label(ReplyKind.Engagement, ComplianceIntent.None,
        [
            "yes I'd like a value estimate", "what's my home worth?", "call me tomorrow after 5", "we already have an agent",
            "How much could I get for my house?", "Sure, send me the comps", "Maybe later this year", "Yes", "ok",
            "Thanks!", "Tell me more", "What's this about?", "We're thinking about selling in the spring",
            "Too expensive right now", "I have a realtor already", "Send me listings under 400k",
            "Can you text me the address?", "Call me at 5", "Is 123 Main St still available?", "We're not ready yet",
            "No thanks", "Sí, me interesa", "¿Cuánto vale mi casa?", "Very interested!", "I'd be interested in selling",
            "What's the price per square foot?", "Is the seller motivated?", "Can we see it this weekend?",
            "👍", "Who's the listing agent?",
        ]),
    ];

    private static IEnumerable<LabelledReply> Label(ReplyKind kind, ComplianceIntent expected, string[] texts) =>
        texts.Select(text => new LabelledReply(text, expected, kind));
}
