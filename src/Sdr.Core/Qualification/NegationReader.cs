namespace Sdr.Core.Qualification;

/// <summary>"not pre-approved yet", "no estamos pre-aprobados": a negation word shortly before a match, in its clause, cancels it.</summary>
internal sealed class NegationReader(IEnumerable<string> negationWords, int window)
{
    private readonly HashSet<string> _words = new(negationWords.Select(QualificationText.Normalize), StringComparer.Ordinal);

    public bool IsNegated(string normalizedText, int matchIndex) =>
        QualificationText.WordsBefore(normalizedText, matchIndex, window).Any(w => _words.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal));
}
