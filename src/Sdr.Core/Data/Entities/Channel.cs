namespace Sdr.Core.Data.Entities;

public enum Channel
{
    Sms,
    Email,
    Voicemail,
    None,
}

public static class ChannelNames
{
    public static string ToName(this Channel channel) => channel switch
    {
        Channel.Sms => "sms",
        Channel.Email => "email",
        Channel.Voicemail => "voicemail",
        _ => "none",
    };

    public static Channel ParseChannel(string? name) =>
        TryParseChannel(name, out var channel) ? channel : throw new FormatException($"Unknown channel '{name}'.");

    public static bool TryParseChannel(string? name, out Channel channel)
    {
        channel = name?.ToLowerInvariant() switch
        {
            "sms" => Channel.Sms,
            "email" => Channel.Email,
            "voicemail" => Channel.Voicemail,
            null or "" or "none" => Channel.None,
            _ => (Channel)(-1),
        };
        return Enum.IsDefined(channel);
    }
}
