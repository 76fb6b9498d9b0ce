using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Sdr.Server.Dashboard;

namespace Sdr.Tests.Unit.Dashboard;

public sealed class DashboardSessionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ACookieSignedByOneInstance_IsAcceptedByAnotherWithTheSameKey()
    {
        var cookie = SignIn(Session("key-one"));

        Session("key-one").IsSignedIn(WithCookie(cookie)).ShouldBeTrue();
    }

    [Fact]
    public void ACookieSignedUnderAnotherKey_IsRefused()
    {
        var cookie = SignIn(Session("key-one"));

        Session("key-two").IsSignedIn(WithCookie(cookie)).ShouldBeFalse();
    }

    [Fact]
    public void ACookieWithItsExpiryChanged_IsRefused()
    {
        var cookie = SignIn(Session("key-one"));
        var dot = cookie.IndexOf('.', StringComparison.Ordinal);
        var later = (long.Parse(cookie[..dot], System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Session("key-one").IsSignedIn(WithCookie(later + cookie[dot..])).ShouldBeFalse();
        Session("key-one").IsSignedIn(WithCookie("garbage")).ShouldBeFalse();
        Session("key-one").IsSignedIn(WithCookie("123.!!notbase64")).ShouldBeFalse();
    }

    [Fact]
    public void ACookie_ExpiresAfterItsLifetime()
    {
        var session = Session("key-one");
        var cookie = SignIn(session);

        _clock.Advance(DashboardSession.Lifetime - TimeSpan.FromMinutes(1));
        session.IsSignedIn(WithCookie(cookie)).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMinutes(2));
        session.IsSignedIn(WithCookie(cookie)).ShouldBeFalse();
    }

    [Fact]
    public void SignIn_SetsAnHttpOnlyStrictCookie_SecureOnlyOverHttps()
    {
        var http = new DefaultHttpContext();
        Session("key-one").SignIn(http);
        var header = http.Response.Headers.SetCookie.ToString();
        header.ShouldContain("httponly", Case.Insensitive);
        header.ShouldContain("samesite=strict", Case.Insensitive);
        header.ShouldNotContain("secure", Case.Insensitive);
        header.ShouldNotContain("expires", Case.Insensitive);

        var https = new DefaultHttpContext();
        https.Request.Scheme = "https";
        Session("key-one").SignIn(https);
        https.Response.Headers.SetCookie.ToString().ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public void IsApiKey_AcceptsOnlyTheConfiguredKey_AndNothingWhenNoneIsSet()
    {
        Session("key-one").IsApiKey("key-one").ShouldBeTrue();
        Session("key-one").IsApiKey("key-one ").ShouldBeFalse();
        Session("key-one").IsApiKey(null).ShouldBeFalse();
        Session(null).IsApiKey("").ShouldBeFalse();
        Session(null).IsSignedIn(WithCookie(SignIn(Session("key-one")))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/contacts?q=x", "/contacts?q=x")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_KeepsOnlyLocalPaths(string? given, string expected) =>
        DashboardRoutes.SafeReturnUrl(given).ShouldBe(expected);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", false)]
    public void WithoutAKey_OnlyLoopbackCallersAreLetIn(string address, bool allowed)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        DashboardAuthFilter.IsLoopback(http).ShouldBe(allowed);
    }

    private DashboardSession Session(string? key) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sdr:ApiKey"] = key }).Build(), _clock);

    private static string SignIn(DashboardSession session)
    {
        var http = new DefaultHttpContext();
        session.SignIn(http);
        var header = http.Response.Headers.SetCookie.ToString();
        var start = header.IndexOf('=', StringComparison.Ordinal) + 1;
        return header[start..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static DefaultHttpContext WithCookie(string value)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{DashboardSession.CookieName}={value}";
        return http;
    }
}
