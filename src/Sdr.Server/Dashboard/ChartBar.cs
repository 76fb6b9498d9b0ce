namespace Sdr.Server.Dashboard;

/// <summary>One bar of a server-drawn chart; <c>Tone</c> is a CSS class (<c>bar</c>, <c>warn</c>, <c>bad</c>, <c>good</c>).</summary>
public sealed record ChartBar(string Label, double Value, string? Tone = null);
