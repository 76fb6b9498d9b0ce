using System.Text.RegularExpressions;

namespace Sdr.Core.Booking;

/// <summary>The words and phrases <see cref="SlotPickParser"/> knows, English and basic Spanish, over normalized text.</summary>
internal static partial class PickVocabulary
{
    public static readonly Dictionary<string, DayOfWeek> Weekdays = Index(
        (DayOfWeek.Monday, ["monday", "mon", "mondays", "lunes"]),
        (DayOfWeek.Tuesday, ["tuesday", "tue", "tues", "tuesdays", "tuseday", "tuesdy", "teusday", "martes"]),
        (DayOfWeek.Wednesday, ["wednesday", "wed", "weds", "wednesdays", "wensday", "wendsday", "wednsday", "wedensday", "miercoles"]),
        (DayOfWeek.Thursday, ["thursday", "thu", "thur", "thurs", "thursdays", "thrusday", "thursdy", "jueves"]),
        (DayOfWeek.Friday, ["friday", "fri", "fridays", "firday", "viernes"]),
        (DayOfWeek.Saturday, ["saturday", "sat", "saturdays", "sabado"]),
        (DayOfWeek.Sunday, ["sunday", "sun", "sundays", "domingo"]));

    /// <summary>Days counted from today ("manana" after "la" is the morning, not tomorrow: see <see cref="SlotReplyReader"/>).</summary>
    public static readonly Dictionary<string, int> RelativeDays = Index(
        (0, ["today", "tonight", "hoy"]),
        (1, ["tomorrow", "tmrw", "tmr", "tmrow", "tomorow", "tommorow", "tommorrow", "tomorrows", "manana"]));

    public static readonly Dictionary<string, DayPart> Parts = Index(
        (DayPart.Morning, ["morning", "mornings", "am"]),
        (DayPart.Afternoon, ["afternoon", "afternoons", "pm", "tarde"]),
        (DayPart.Evening, ["evening", "evenings", "tonight", "noche"]));

    /// <summary>Ordinal words to a position, 1-based; 0 is the last offered, -1 the middle of three.</summary>
    public static readonly Dictionary<string, int> Ordinals = Index(
        (1, ["first", "frist", "firts", "earliest", "primera", "primero", "primer"]),
        (2, ["second", "secound", "seccond", "secnd", "segunda", "segundo"]),
        (3, ["third", "thrid", "tercera", "tercero", "tercer"]),
        (0, ["last", "latter", "latest", "ultima", "ultimo"]),
        (-1, ["middle"]));

    public static readonly Dictionary<string, int> NumberWords = Index(
        (1, ["one", "uno", "una"]),
        (2, ["two", "dos"]),
        (3, ["three", "tres"]));

    public static readonly HashSet<string> OrdinalSuffixes = new(StringComparer.Ordinal) { "st", "nd", "rd", "th", "ra", "ro", "da", "do" };

    /// <summary>Words before a number that make it a choice ("option 2", "number 2", "opción 2").</summary>
    public static readonly HashSet<string> ChoiceMarkers = new(StringComparer.Ordinal) { "option", "opt", "number", "num", "choice", "opcion", "numero", "slot" };

    /// <summary>Words before a number that make it a time ("at 3", "around 4", "a las 3").</summary>
    public static readonly HashSet<string> TimeMarkers = new(StringComparer.Ordinal) { "at", "around", "about", "las", "after", "before", "til", "until" };

    public static readonly HashSet<string> Noon = new(StringComparer.Ordinal) { "noon", "midday", "mediodia", "lunchtime" };

    public static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "dont", "doesnt", "cant", "cannot", "wont", "couldnt", "isnt", "wouldnt", "aint", "busy", "unavailable", "bad", "ocupado", "ocupada",
    };

    public static readonly HashSet<string> Affirmations = new(StringComparer.Ordinal)
    {
        "yes", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "kk", "works", "good", "great", "perfect", "fine", "absolutely",
        "definitely", "alright", "cool", "deal", "si", "claro", "dale", "va", "vale", "perfecto", "bueno", "acuerdo",
    };

    /// <summary>
    /// Words that may stand around a bare number or ordinal without making the message about something else:
    /// "2 works for me, thanks!" is a pick, "I have 2 kids" is not.
    /// </summary>
    public static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "one", "ones", "option", "options", "opt", "number", "num", "choice", "slot", "time", "times", "that", "this", "it", "is", "its",
        "would", "be", "best", "better", "for", "me", "i", "im", "ill", "id", "we", "lets", "let", "us", "do", "go", "with", "take", "pick", "choose",
        "book", "prefer", "want", "like", "sounds", "looks", "please", "pls", "plz", "thanks", "thank", "you", "thx", "ty", "then", "will", "can",
        "should", "probably", "hmm", "hm", "um", "uh", "lol", "haha", "awesome", "and", "or", "so", "just", "also", "hi", "hey", "hello", "oh", "still",
        "available", "open", "free", "work", "works", "working", "either", "both", "call", "ok", "that", "think", "guess", "say", "mine",
        "la", "el", "lo", "los", "de", "numero", "opcion", "esa", "ese", "esta", "este", "me", "funciona", "sirve", "queda", "bien", "mejor", "va",
        "prefiero", "quiero", "gracias", "por", "favor", "hola", "y", "o", "creo", "que", "mi", "buenas", "buenos", "tardes", "dias", "noches",
    };

    private static Dictionary<string, T> Index<T>(params (T Value, string[] Words)[] groups) =>
        groups.SelectMany(g => g.Words.Select(word => (Word: word, g.Value))).ToDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);

    [GeneratedRegex(@"\b(not interested|no interesad[oa]|no me interesa|no thanks?|no thank you|no gracias|nah thanks|(ill|i will|im gonna|i am going to) pass|(dont|do not) (want|need)( to (have|do|get on|hop on|jump on))?( a| any)? (phone )?calls?|(dont|do not) (want|need) to (talk|chat|meet|speak)|no (phone )?calls|just (text|email|message)( me)?|(text|email|texting) (only|is better|works better|is fine)|(prefer|rather) (to )?(text|texting|email|message|messages)|no (necesito|quiero) (una |ninguna )?llamada|solo (por )?(mensajes?|textos?)|prefiero (por )?(mensajes?|textos?|correo))\b")]
    public static partial Regex Declined();

    [GeneratedRegex(@"\b(re ?schedule|rescheduling|reprogramar|(move|moving|push|change|shift) (it|our call|the call|our appointment|the appointment|my appointment|the time|our time|the meeting)|cant make (it|the call|our call)|something came up|(cambiar|mover) (la )?(cita|llamada|hora))\b")]
    public static partial Regex Reschedule();

    [GeneratedRegex(@"\b(none|neither|ninguno|ninguna|nada|no good|no bueno|not good|(doesnt|dont|wont|does not|do not|will not|cant) work|(different|another|other|diff|otro|otra|otros|otras) (time|times|day|days|option|options|slot|slots|dia|dias|hora|horas|horario|horarios|opcion|opciones)|anything (else|later|earlier|sooner)|something (else|later|earlier|sooner)|(later|earlier) (in the )?(week|day)|cant do (any|those|these|them|that)|cant make (any|those|these|them)|no (me )?(sirve|sirven|funciona|funcionan|puedo)|not available|not (this|that) (week|day)|busy)\b|^(no|nope|nah|no no)$")]
    public static partial Regex NoneWork();

    [GeneratedRegex(@"\b(either (one|works|is fine|is good|way|of them)|any (of (them|those|these)|one|works|is fine)|anytime|any time works|whichever|whatever works|whatever is easiest|cualquiera)\b|^either$")]
    public static partial Regex AnyOffered();
}

internal enum DayPart
{
    Morning,
    Afternoon,
    Evening,
}
