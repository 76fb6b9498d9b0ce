namespace Sdr.Core.Sourcing;

/// <summary>The prospect sources a cycle reads (SPEC section 6).</summary>
public static class ProspectSources
{
    public const string GhlPipeline = "ghl_pipeline";
    public const string StaleLead = "stale_lead";
    public const string ExpiredMls = "expired_mls";
    public const string Fsbo = "fsbo";

    public static readonly IReadOnlyList<string> All = [GhlPipeline, StaleLead, ExpiredMls, Fsbo];

    public static bool IsKnown(string source) => All.Contains(source, StringComparer.Ordinal);

    public static bool IsListing(string source) => source is ExpiredMls or Fsbo;
}
