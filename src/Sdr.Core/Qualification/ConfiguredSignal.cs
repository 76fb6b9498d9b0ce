using System.Text.RegularExpressions;

namespace Sdr.Core.Qualification;

/// <summary>A signal of <c>sdr:qualification:signals</c> with its patterns compiled.</summary>
internal sealed class ConfiguredSignal(string name, SignalOptions options)
{
    public string Name { get; } = name;
    public string Dimension { get; } = options.Dimension;
    public double Weight { get; } = options.Weight;
    public QualificationGap? Fills { get; } = QualificationGaps.FromConfigName(options.Fills);

    public IReadOnlyList<(string Pattern, Regex Regex)> Patterns { get; } =
        [.. options.Patterns.Select(p => (p, QualificationText.Bounded(p)))];

    /// <summary>The dimension and side it is reported with.</summary>
    public (string Dimension, string? LeadType) Reported => Dimension switch
    {
        SignalDimensions.Buyer => (SignalDimensions.LeadType, LeadTypes.Buyer),
        SignalDimensions.Seller => (SignalDimensions.LeadType, LeadTypes.Seller),
        _ => (Dimension, null),
    };
}
