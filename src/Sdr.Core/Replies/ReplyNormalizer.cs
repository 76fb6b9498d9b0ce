using System.Globalization;
using System.Text;

namespace Sdr.Core.Replies;

/// <summary>
/// Turns a raw SMS body into <see cref="NormalizedReply"/>. Sentence breaks are kept because a
/// keyword alone in its own sentence ("Who is this? STOP") is as binding as a bare keyword.
/// </summary>
internal static class ReplyNormalizer
{
    private const int MinSpelledOutLetters = 3;

    // A message of nothing but 🛑, ⛔ or 🚫 is a stop sign held up at us.
    private static readonly string[] StopEmoji = ["\U0001F6D1", "\u26D4", "\U0001F6AB"];

    public static NormalizedReply Normalize(string body)
    {
        var hasStopEmoji = StopEmoji.Any(body.Contains);
        var text = Fold(body);
        var tokens = new List<string>();
        var sentences = new List<int>();
        var sentence = 0;
        var word = new StringBuilder();

        void Flush()
        {
            var token = CleanToken(word.ToString());
            word.Clear();
            if (token.Length > 0)
            {
                tokens.Add(token);
                sentences.Add(sentence);
            }
        }

        void BreakSentence()
        {
            if (sentences.Count > 0 && sentences[^1] == sentence)
            {
                sentence++;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var nextIsLetter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
            if (char.IsLetterOrDigit(c) || c is '*' or '#')
            {
                word.Append(c);
            }
            else if (c == '\'' && word.Length > 0 && nextIsLetter)
            {
                word.Append(c);
            }
            else if (c is '-' or '/' && word.Length > 0 && nextIsLetter)
            {
                // "opt-out" and "and/or" are two words of one sentence, not a sentence break.
                Flush();
            }
            else
            {
                Flush();
                if (!(c is ' ' or '\t' or '"' or '\''))
                {
                    BreakSentence();
                }
            }
        }

        Flush();
        MergeSpelledOutWord(tokens, sentences);
        return new NormalizedReply(tokens, sentences, hasStopEmoji);
    }

    private static string Fold(string body)
    {
        var builder = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            // Straightened before NFKC: NFKC turns U+00B4 into a space plus a combining accent.
            var folded = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u02BB' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            };
            if (CharUnicodeInfo.GetUnicodeCategory(folded) != UnicodeCategory.Format)
            {
                builder.Append(folded);
            }
        }

        var decomposed = builder.ToString()
            .Normalize(NormalizationForm.FormKC)
            .ToLowerInvariant()
            .Normalize(NormalizationForm.FormD);

        builder.Clear();
        foreach (var c in decomposed)
        {
            // Accents only vary Spanish spellings ("no más", "quítame"); matching ignores them.
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string CleanToken(string raw)
    {
        var trimmed = raw.Trim('*', '#');
        var token = trimmed.Length == 0 ? raw : trimmed;
        return CollapseElongation(token);
    }

    // "stooooop" and "pleeease" are the same words; no English or Spanish word repeats a letter three times.
    private static string CollapseElongation(string token)
    {
        if (token.Length < 3)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        var i = 0;
        while (i < token.Length)
        {
            var run = 1;
            while (i + run < token.Length && token[i + run] == token[i])
            {
                run++;
            }

            builder.Append(token[i], run >= 3 ? 1 : run);
            i += run;
        }

        return builder.ToString();
    }

    // "S T O P" and "S.T.O.P." are spelled-out words.
    private static void MergeSpelledOutWord(List<string> tokens, List<int> sentences)
    {
        if (tokens.Count < MinSpelledOutLetters || !tokens.TrueForAll(t => t.Length == 1 && char.IsLetter(t[0])))
        {
            return;
        }

        var merged = string.Concat(tokens);
        tokens.Clear();
        sentences.Clear();
        tokens.Add(merged);
        sentences.Add(0);
    }
}
