namespace Sdr.Sandbox.Endpoints;

internal static class DndChannels
{
    private static readonly string[] Known = ["Call", "Email", "SMS", "WhatsApp", "GMB", "FB"];

    // Keys are case-sensitive in GHL; a camelCased "sms" would be silently ignored there, so reject it here.
    public static string? FindInvalid(Dictionary<string, SandboxDndSetting>? settings) =>
        settings?.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal));
}
