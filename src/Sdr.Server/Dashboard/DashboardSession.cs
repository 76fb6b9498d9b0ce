using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Sdr.Server.Dashboard;

/// <summary>
/// The dashboard's sign-in cookie: an expiry and an HMAC of it under a key derived (HKDF) from <c>Sdr:ApiKey</c>.
/// It needs no server state and no shared data-protection key ring, so every instance configured with the same
/// API key accepts it, and changing the key signs everyone out. Only the dashboard's routes read it; the JSON
/// API keeps <c>X-Api-Key</c>.
/// </summary>
internal sealed class DashboardSession(IConfiguration configuration, TimeProvider time)
{
    public const string CookieName = "sdr_dashboard";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("sdr-dashboard-session-v1");

    /// <summary>The configured admin key, or null when none is set (then the dashboard is loopback-only).</summary>
    public string? ApiKey => configuration["Sdr:ApiKey"] is { Length: > 0 } key ? key : null;

    /// <summary>Whether <paramref name="given"/> is the API key, compared in constant time.</summary>
    public bool IsApiKey(string? given) =>
        ApiKey is { } expected && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "")),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    public void SignIn(HttpContext http)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var value = $"{expires}.{WebEncoders.Base64UrlEncode(Sign(expires))}";

        // A session cookie (no Expires): the expiry inside the value is what counts, on the server's clock.
        http.Response.Cookies.Append(CookieName, value, CookieOptions(http));
    }

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, CookieOptions(http));

    public bool IsSignedIn(HttpContext http)
    {
        if (ApiKey is null || !http.Request.Cookies.TryGetValue(CookieName, out var value) || value is null)
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        byte[] mac;
        try
        {
            mac = WebEncoders.Base64UrlDecode(value, dot + 1, value.Length - dot - 1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(mac, Sign(value[..dot]))
            && time.GetUtcNow().ToUnixTimeSeconds() < expires;
    }

    private byte[] Sign(string expires)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(ApiKey!), 32, salt: [], info: KeyInfo);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(expires));
    }

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
