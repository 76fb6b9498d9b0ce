namespace Sdr.Core.Listings;

/// <summary>The two listing sources a prospecting cycle reads.</summary>
public static class ListingSources
{
    public const string ExpiredMls = "expired_mls";
    public const string Fsbo = "fsbo";

    public static readonly IReadOnlyList<string> All = [ExpiredMls, Fsbo];

    public static bool IsKnown(string? source) => source is ExpiredMls or Fsbo;
}
