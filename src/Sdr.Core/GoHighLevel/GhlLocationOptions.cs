namespace Sdr.Core.GoHighLevel;

/// <summary>A GHL sub-account and the private-integration or OAuth access token used for it.</summary>
public sealed class GhlLocationOptions
{
    public string LocationId { get; set; } = "";

    public string Token { get; set; } = "";
}
