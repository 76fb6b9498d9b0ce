namespace Sdr.Core.Compliance.Consent;

public static class SuppressionSources
{
    public const string Reply = "reply";
    public const string Webhook = "webhook";
    public const string GhlDnd = "ghl_dnd";
    public const string Manual = "manual";
    public const string DncImport = "dnc_import";
}
