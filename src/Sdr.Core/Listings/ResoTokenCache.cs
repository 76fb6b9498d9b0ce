using System.Collections.Concurrent;

namespace Sdr.Core.Listings;

/// <summary>OAuth2 access tokens per feed, kept until a minute before they expire (or until the feed refuses one).</summary>
public sealed class ResoTokenCache(TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    internal string? Get(string feedKey) =>
        _tokens.TryGetValue(feedKey, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Token : null;

    internal void Set(string feedKey, string token, TimeSpan lifetime)
    {
        var usable = lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2;
        _tokens[feedKey] = (token, time.GetUtcNow() + usable);
    }

    internal void Forget(string feedKey) => _tokens.TryRemove(feedKey, out _);
}
