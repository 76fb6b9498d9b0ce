using System.Collections.Concurrent;
using System.Text;

namespace Sdr.Server.Simulation;

/// <summary>
/// Counts every request the product's GHL client makes, per location (told by its bearer token), per
/// endpoint kind (method and path with ids replaced) and per simulated second and day.
/// </summary>
internal sealed class GhlCallCounter(TimeProvider clock, IReadOnlyDictionary<string, string> locationsByToken)
{
    private readonly ConcurrentDictionary<(string Location, string Kind), int> _byKind = new();
    private readonly ConcurrentDictionary<(string Location, long Second), int> _bySecond = new();
    private readonly ConcurrentDictionary<(string Location, DateOnly Day), int> _byDay = new();

    public IReadOnlyDictionary<(string Location, string Kind), int> ByKind => _byKind;

    public IReadOnlyDictionary<(string Location, long Second), int> BySecond => _bySecond;

    public IReadOnlyDictionary<(string Location, DateOnly Day), int> ByDay => _byDay;

    public void Count(HttpRequestMessage request)
    {
        var token = request.Headers.Authorization?.Parameter;
        var location = token is not null && locationsByToken.TryGetValue(token, out var id) ? id : "unknown";
        var now = clock.GetUtcNow();
        _byKind.AddOrUpdate((location, KindOf(request)), 1, (_, n) => n + 1);
        _bySecond.AddOrUpdate((location, now.ToUnixTimeSeconds()), 1, (_, n) => n + 1);
        _byDay.AddOrUpdate((location, DateOnly.FromDateTime(now.UtcDateTime)), 1, (_, n) => n + 1);
    }

    /// <summary><c>POST /conversations/messages</c>, <c>GET /contacts/{id}</c>: a path segment holding a digit or a capital is an id.</summary>
    internal static string KindOf(HttpRequestMessage request)
    {
        var builder = new StringBuilder(request.Method.Method).Append(' ');
        var segments = (request.RequestUri?.AbsolutePath ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            builder.Append('/');
        }

        foreach (var segment in segments)
        {
            builder.Append('/').Append(IsId(segment) ? "{id}" : segment);
        }

        return builder.ToString();
    }

    // GHL ids are 20 mixed-case letters and digits; route words are lower case ("free-slots", "appointments").
    private static bool IsId(string segment) => segment.Any(char.IsDigit) || segment.Any(char.IsUpper);

    /// <summary>Sits in the GHL client's handler chain; one per chain, all counting into the same counter.</summary>
    public sealed class Handler(GhlCallCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Count(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
