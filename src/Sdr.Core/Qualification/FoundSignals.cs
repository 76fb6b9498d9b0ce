namespace Sdr.Core.Qualification;

/// <summary>
/// The signals of one conversation, each name counted once (its first occurrence). A negated mention
/// is kept, worth nothing, only while the signal has not also been said plainly.
/// </summary>
internal sealed class FoundSignals
{
    private readonly List<IntentSignal> _signals = [];
    private readonly List<IntentSignal> _negated = [];
    private readonly Dictionary<string, QualificationGap> _fills = new(StringComparer.Ordinal);

    public void Add(IntentSignal signal, QualificationGap? fills = null)
    {
        if (_signals.Exists(s => s.Name == signal.Name))
        {
            return;
        }

        _signals.Add(signal);
        if (fills is { } gap)
        {
            _fills[signal.Name] = gap;
        }
    }

    public void AddNegated(IntentSignal signal)
    {
        if (!_negated.Exists(s => s.Name == signal.Name))
        {
            _negated.Add(signal);
        }
    }

    public IEnumerable<QualificationGap> Fills(IntentSignal signal) =>
        _fills.TryGetValue(signal.Name, out var gap) ? [gap] : [];

    public IReadOnlyList<IntentSignal> All() =>
        [.. _signals, .. _negated.Where(n => !_signals.Exists(s => s.Name == n.Name))];
}
