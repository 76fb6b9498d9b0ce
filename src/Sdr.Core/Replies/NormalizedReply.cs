namespace Sdr.Core.Replies;

/// <summary>
/// A reply reduced to matching form: lower-case ASCII-ish words (accents stripped, curly quotes
/// straightened) in <see cref="Tokens"/>, the same words joined by single spaces in
/// <see cref="Text"/>, and the sentence each word belongs to.
/// </summary>
internal sealed class NormalizedReply
{
    private readonly int[] _tokenStarts;

    public NormalizedReply(IReadOnlyList<string> tokens, IReadOnlyList<int> sentenceOfToken, bool hasStopEmoji)
    {
        Tokens = tokens;
        SentenceOfToken = sentenceOfToken;
        HasStopEmoji = hasStopEmoji;
        Text = string.Join(' ', tokens);

        var starts = new int[tokens.Count];
        var offset = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            starts[i] = offset;
            offset += tokens[i].Length + 1;
        }

        _tokenStarts = starts;
    }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<int> SentenceOfToken { get; }

    public string Text { get; }

    public bool HasStopEmoji { get; }

    public int SentenceCount => SentenceOfToken.Count == 0 ? 0 : SentenceOfToken[^1] + 1;

    /// <summary>Index of the token that contains (or starts at) the character offset in <see cref="Text"/>.</summary>
    public int TokenAt(int textIndex)
    {
        var index = Array.BinarySearch(_tokenStarts, textIndex);
        return index >= 0 ? index : ~index - 1;
    }

    public IEnumerable<(int Start, int Count)> Sentences()
    {
        var start = 0;
        for (var i = 1; i <= Tokens.Count; i++)
        {
            if (i == Tokens.Count || SentenceOfToken[i] != SentenceOfToken[start])
            {
                yield return (start, i - start);
                start = i;
            }
        }
    }
}
