using System.Text.RegularExpressions;

namespace Sdr.Core.Booking;

/// <summary>The words and phrases <see cref="SlotPickParser"/> knows, English and basic Spanish, over normalized text.</summary>
internal static partial class PickVocabulary
{
    public static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["mondays"] = DayOfWeek.Monday, ["lunes"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["tuesdays"] = DayOfWeek.Tuesday,
        ["tuseday"] = DayOfWeek.Tuesday, ["tuesdy"] = DayOfWeek.Tuesday, ["teusday"] = DayOfWeek.Tuesday, ["martes"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday, ["wednesdays"] = DayOfWeek.Wednesday,
        ["wensday"] = DayOfWeek.Wednesday, ["wendsday"] = DayOfWeek.Wednesday, ["wednsday"] = DayOfWeek.Wednesday, ["wedensday"] = DayOfWeek.Wednesday,
        ["miercoles"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["thursdays"] = DayOfWeek.Thursday, ["thrusday"] = DayOfWeek.Thursday, ["thursdy"] = DayOfWeek.Thursday, ["jueves"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["fridays"] = DayOfWeek.Friday, ["firday"] = DayOfWeek.Friday, ["viernes"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["saturdays"] = DayOfWeek.Saturday, ["sabado"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday, ["sundays"] = DayOfWeek.Sunday, ["domingo"] = DayOfWeek.Sunday,
    };

    /// <summary>Days counted from today.</summary>
    public static readonly Dictionary<string, int> RelativeDays = new(StringComparer.Ordinal)
    {
        ["today"] = 0, ["tonight"] = 0, ["hoy"] = 0,
        ["tomorrow"] = 1, ["tmrw"] = 1, ["tmr"] = 1, ["tmrow"] = 1, ["tomorow"] = 1, ["tommorow"] = 1, ["tommorrow"] = 1, ["tomorrows"] = 1,
        ["manana"] = 1,
    };

    public static readonly Dictionary<string, DayPart> Parts = new(StringComparer.Ordinal)
    {
        ["morning"] = DayPart.Morning, ["mornings"] = DayPart.Morning, ["am"] = DayPart.Morning,
        ["afternoon"] = DayPart.Afternoon, ["afternoons"] = DayPart.Afternoon, ["pm"] = DayPart.Afternoon, ["tarde"] = DayPart.Afternoon,
        ["evening"] = DayPart.Evening, ["evenings"] = DayPart.Evening, ["tonight"] = DayPart.Evening, ["noche"] = DayPart.Evening,
    };

    /// <summary>Ordinal words to a position, 1-based; 0 is the last offered, -1 the middle of three.</summary>
    public static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["frist"] = 1, ["firts"] = 1, ["primera"] = 1, ["primero"] = 1, ["primer"] = 1,
        ["second"] = 2, ["secound"] = 2, ["seccond"] = 2, ["secnd"] = 2, ["segunda"] = 2, ["segundo"] = 2,
        ["third"] = 3, ["thrid"] = 3, ["tercera"] = 3, ["tercero"] = 3, ["tercer"] = 3,
        ["last"] = 0, ["latter"] = 0, ["ultima"] = 0, ["ultimo"] = 0,
        ["middle"] = -1,
    };

    public static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["uno"] = 1, ["una"] = 1, ["two"] = 2, ["dos"] = 2, ["three"] = 3, ["tres"] = 3,
    };

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
        "prefiero", "quiero", "gracias", "por", "favor", "hola", "y", "o", "creo", "que", "mi",
    };

    [GeneratedRegex(@"\b(not interested|no interesad[oa]|no me interesa|no thanks?|no thank you|no gracias|nah thanks|(ill|i will|im gonna|i am going to) pass|(dont|do not) (want|need)( to (have|do|get on|hop on|jump on))?( a| any)? (phone )?calls?|(dont|do not) (want|need) to (talk|chat|meet|speak)|no (phone )?calls|just (text|email|message)( me)?|(text|email|texting) (only|is better|works better|is fine)|(prefer|rather) (to )?(text|texting|email|message|messages)|no (necesito|quiero) (una |ninguna )?llamada|solo (por )?(mensajes?|textos?)|prefiero (por )?(mensajes?|textos?|correo))\b")]
    public static partial Regex Declined();

    [GeneratedRegex(@"\b(re ?schedule|rescheduling|reprogramar|(move|moving|push|change|shift) (it|our call|the call|our appointment|the appointment|my appointment|the time|our time|the meeting)|cant make (it|the call|our call)|something came up|(cambiar|mover) (la )?(cita|llamada|hora))\b")]
    public static partial Regex Reschedule();

    [GeneratedRegex(@"\b(none|neither|ninguno|ninguna|nada|no good|no bueno|not good|(doesnt|dont|wont|does not|do not|will not|cant) work|(different|another|other|diff|otro|otra|otros|otras) (time|times|day|days|option|options|slot|slots|dia|dias|hora|horas|horario|horarios|opcion|opciones)|anything (else|later|earlier|sooner)|something (else|later|earlier|sooner)|(later|earlier) (in the )?(week|day)|cant do (any|those|these|them|that)|cant make (any|those|these|them)|no (me )?(sirve|sirven|funciona|funcionan|puedo)|not available|busy)\b|^(no|nope|nah|no no)$")]
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
