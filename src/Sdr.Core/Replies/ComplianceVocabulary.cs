using System.Collections.Frozen;

namespace Sdr.Core.Replies;

/// <summary>Word lists for the keyword layer, in normalised form (lower case, no accents).</summary>
internal static class ComplianceVocabulary
{
    /// <summary>Carrier opt-out keywords (CTIA / FCC list) plus their Spanish and common misspelt forms.</summary>
    public static readonly FrozenSet<string> OptOutKeywords = FrozenSet.ToFrozenSet(
    [
        "stop", "stopp", "stopall", "unsubscribe", "unsubcribe", "unsuscribe", "unsubscibe", "unsub",
        "unsubscribed", "unsubsribe", "unsusbcribe", "unsubscrbe", "unsbscribe", "unscribe", "stp", "stpo", "sotp",
        "cancel", "end", "quit", "revoke", "optout", "remove", "dnc", "arret",
        "parar", "para", "alto", "cancelar", "basta", "nomas", "baja",
    ]);

    /// <summary>Keywords that, with at most a name beside them, can only mean opt-out ("STOP Mike").</summary>
    public static readonly FrozenSet<string> UnambiguousOptOutKeywords = FrozenSet.ToFrozenSet(
    [
        "stop", "stopp", "stopall", "unsubscribe", "unsubcribe", "unsuscribe", "unsubscibe", "unsub", "optout",
    ]);

    public static readonly FrozenSet<string> HelpKeywords = FrozenSet.ToFrozenSet(["help", "info", "ayuda"]);

    public static readonly FrozenSet<string> OptInKeywords = FrozenSet.ToFrozenSet(
        ["start", "unstop", "subscribe", "resubscribe", "optin", "resume"]);

    /// <summary>
    /// Words that carry no intent of their own beside a keyword ("stop please", "STOP!!! now",
    /// "unsubscribe me from these texts").
    /// </summary>
    public static readonly FrozenSet<string> Filler = FrozenSet.ToFrozenSet(
    [
        "please", "pls", "plz", "plse", "pleas", "now", "right", "asap", "immediately", "thanks", "thank", "you",
        "u", "thx", "ty", "tnx", "ok", "okay", "k", "kk", "just", "already", "again", "seriously", "sir", "maam",
        "ma'am", "man", "dude", "bro", "lol", "omg", "ugh", "hey", "hi", "hello", "yes", "yeah", "yep", "no",
        "nope", "i", "i'm", "im", "said", "it", "this", "that", "the", "all", "these", "those", "them", "me",
        "my", "us", "our", "texts", "text", "texting", "messages", "message", "messaging", "msgs", "msg",
        "txt", "txts", "sms", "spam", "subscription", "alerts", "notifications",
        "back", "everything", "anymore", "forever", "permanently", "totally", "completely", "for", "good",
        "wow", "jeez", "geez", "damn", "dammit", "goddamn", "hell", "bloody", "fucking", "fuckin", "freaking",
        "freakin", "frickin", "fricking", "effing", "ffs", "wtf", "and", "or", "&", "to", "want", "wanna",
        "would", "like", "i'd", "id", "mean", "reply", "sending", "can", "could", "will", "guys", "yall", "y'all",
        "folks", "people",
        "por", "favor", "porfa", "porfavor", "pf", "gracias", "ya", "ahora", "si", "senor", "senora", "los",
        "las", "mensajes", "mensaje", "textos", "de", "quiero", "oiga", "oye",
    ]);

    /// <summary>The only words allowed beside HELP or START, which are weaker signals than STOP.</summary>
    public static readonly FrozenSet<string> PoliteFiller = FrozenSet.ToFrozenSet(
    [
        "please", "pls", "plz", "now", "thanks", "thank", "you", "u", "thx", "ok", "okay", "k", "yes", "yeah", "yep",
        "hi", "hey", "hello", "me", "i", "want", "to", "again", "texting", "texts", "text", "messages", "sending",
        "back", "all", "por", "favor", "gracias", "si", "ya",
    ]);

    /// <summary>Neighbours that turn "stop" into something else ("bus stop", "stop by", "don't stop").</summary>
    public static readonly FrozenSet<string> StopPhraseNeighbours = FrozenSet.ToFrozenSet(
    [
        "by", "in", "over", "sign", "signs", "light", "lights", "bus", "last", "next", "first", "one", "pit",
        "non", "don't", "dont", "never", "not", "can't", "cant", "cannot", "won't", "wont", "will", "didn't",
        "didnt", "did", "why", "when", "where", "what", "how", "can", "could", "should", "would", "at", "there",
        "here", "thinking", "watching", "worrying", "asking", "looking", "go", "going", "gap", "loss", "doing",
        "full", "truck", "rest", "making", "being", "i'll", "we'll", "you'll", "let's", "to", "after", "before",
        "until", "is", "was", "we", "they", "he", "she", "him", "her", "a", "an", "the", "your", "our", "their",
        "his", "its", "shop", "point", "off", "out", "up", "down", "back", "early", "late", "drop",
    ]);

    public static bool IsFillerOrExpletive(string token) =>
        Filler.Contains(token) || IsMaskedExpletive(token);

    /// <summary>"f***", "f*cking", "f#ck": masked profanity reads as emphasis, not content.</summary>
    public static bool IsMaskedExpletive(string token) =>
        token.Length >= 2 && token[0] is 'f' or 's' && token.AsSpan(1).IndexOfAny('*', '#') >= 0;
}
