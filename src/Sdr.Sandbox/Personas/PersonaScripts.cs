using System.Text.RegularExpressions;

namespace Sdr.Sandbox.Personas;

/// <summary>
/// What each persona says to a message of ours, given what it has said before. Pure but for the
/// memory it advances; the caps (per day, the STOP confirmation, the auto-responder's pace) are
/// <see cref="PersonaResponder"/>'s.
/// </summary>
internal static partial class PersonaScripts
{
    public const string ReadyBuyerIntro = "Yes! We're pre-approved for 450k and want to move in the next 30 days. Can we see some homes?";
    public const string ReadyBuyerPick = "The first one works";
    public const string Thanks = "Thanks!";
    public const string SellerWithAgent = "We already have a realtor, thanks.";
    public const string Timing = "Not right now, maybe next year.";
    public const string Price = "Prices are crazy right now, we can't afford anything.";
    public const string InfoRequest = "Who is this? How did you get my number?";
    public const string InfoRequestFollowUp = "OK what homes do you have around 400k?";
    public const string WrongNumber = "Wrong number, I'm not looking to buy anything.";
    public const string Hostile = "Stop texting me you idiots";
    public const string AutoResponder = "I'm driving with Do Not Disturb While Driving turned on. I'll see your message when I get where I'm going.";

    public static string? Answer(SandboxPersona persona, PersonaMemory memory, string ours) => persona switch
    {
        SandboxPersona.ReadyBuyer => ReadyBuyer(memory, ours),
        SandboxPersona.SellerWithAgent => Next(memory, SellerWithAgent, IsQuestion(ours) ? "We're happy with our agent for now." : null),
        SandboxPersona.Timing => Next(memory, Timing, IsQuestion(ours) ? "Probably next spring. We'll reach out when we're ready." : null, null),
        SandboxPersona.Price => Next(memory, Price, "Really? What could we get for around 300k?", IsQuestion(ours) ? "Maybe. We'd need to talk to a lender first." : null, null),
        SandboxPersona.InfoRequest => Next(memory, InfoRequest, InfoRequestFollowUp, IsQuestion(ours) ? "3 bedrooms, and we'd like to move in the next few months." : null, null),
        SandboxPersona.WrongNumber => Next(memory, WrongNumber, null),
        SandboxPersona.Hostile => Hostile,
        SandboxPersona.AutoResponder => AutoResponder,
        _ => null,
    };

    public static bool OffersTimes(string text) => NumberedOption().IsMatch(text) || ClockTime().IsMatch(text);

    public static bool IsQuestion(string text) => text.Contains('?', StringComparison.Ordinal);

    private static string? ReadyBuyer(PersonaMemory memory, string ours)
    {
        if (!memory.PickedSlot && OffersTimes(ours))
        {
            memory.PickedSlot = true;
            memory.Stage = Math.Max(memory.Stage, 1);
            return ReadyBuyerPick;
        }

        if (memory.Stage == 0)
        {
            memory.Stage = 1;
            return ReadyBuyerIntro;
        }

        if (IsQuestion(ours) && !memory.PickedSlot)
        {
            return QualifyingAnswer(ours);
        }

        if (memory.SaidThanks)
        {
            return null;
        }

        memory.SaidThanks = true;
        return Thanks;
    }

    private static string QualifyingAnswer(string question)
    {
        var q = question.ToLowerInvariant();
        if (ContainsAny(q, "budget", "price", "afford", "approved", "lender", "financ", "cash", "$"))
        {
            return "We're pre-approved for 450k with our lender.";
        }

        if (ContainsAny(q, "when", "timeline", "time frame", "timeframe", "how soon", "move"))
        {
            return "We want to move in the next 30 days.";
        }

        if (ContainsAny(q, "where", "area", "neighborhood", "bedroom", "looking for"))
        {
            return "3 bedrooms near good schools, around 450k.";
        }

        return "We're pre-approved for 450k and want to move in the next 30 days.";
    }

    // The line at the memory's stage, then the stage moves on; a null line (not asked a question) keeps the stage.
    private static string? Next(PersonaMemory memory, params string?[] lines)
    {
        if (memory.Stage >= lines.Length || lines[memory.Stage] is not { } line)
        {
            return null;
        }

        memory.Stage++;
        return line;
    }

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    [GeneratedRegex(@"(^|\s)1\)")]
    private static partial Regex NumberedOption();

    // "3 PM", "3:00 pm", "10 a.m." or a 24-hour "15:00".
    [GeneratedRegex(@"\b\d{1,2}(:\d{2})?\s?[AaPp]\.?[Mm]\b|\b\d{1,2}:\d{2}\b")]
    private static partial Regex ClockTime();
}
