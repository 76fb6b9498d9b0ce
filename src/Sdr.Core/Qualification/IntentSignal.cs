namespace Sdr.Core.Qualification;

/// <summary>
/// One reason behind the scores: the signal's name (from config), its dimension (<c>frs</c>, <c>pcs</c>,
/// <c>lead_type</c>, <c>disqualifier</c>), the points it gave, and the rule that matched, never the
/// message text. <paramref name="LeadType"/> is the side a lead-type signal speaks for. A
/// <paramref name="Negated"/> signal was said negated ("not pre-approved yet"): worth nothing, kept to
/// explain the gap it leaves open.
/// </summary>
public sealed record IntentSignal(string Name, string Dimension, double Weight, string Rule, string? LeadType = null, bool Negated = false);
