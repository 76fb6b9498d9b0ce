using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Sdr.Server.Dashboard;

/// <summary>
/// Anti-forgery for the dashboard's forms: a random token in an HttpOnly, SameSite=Strict cookie that each form
/// repeats in a hidden field (double submit). A cross-site page can neither read the cookie nor send it, and no
/// instance needs another's keys to check it (ASP.NET's antiforgery would need a shared data-protection key ring).
/// </summary>
internal static class DashboardAntiforgery
{
    public const string FieldName = "__sdr_csrf";
    private const string CookieName = "sdr_csrf";

    /// <summary>The token a form on this response must carry; set as a cookie when the browser has none.</summary>
    public static string TokenFor(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var existing) && existing is { Length: >= 32 })
        {
            return existing;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return token;
    }

    public static bool IsValid(HttpContext http, IFormCollection form)
    {
        var cookie = http.Request.Cookies[CookieName];
        var field = form[FieldName].ToString();
        return !string.IsNullOrEmpty(cookie)
            && !string.IsNullOrEmpty(field)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(field));
    }
}
