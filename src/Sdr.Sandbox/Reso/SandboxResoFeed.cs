using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdr.Sandbox.Reso;

/// <summary>
/// A RESO Web API server inside the sandbox: <c>GET /reso/odata/Property</c> ($filter, $orderby, $top, $skip,
/// @odata.nextLink) behind an OAuth2 client-credentials token endpoint (<c>POST /reso/oauth/token</c>) or a
/// static bearer token, with faults a test can queue.
/// </summary>
public sealed class SandboxResoFeed
{
    public const string ClientId = "sandbox-reso";
    public const string ClientSecret = "sandbox-reso-secret";
    public const string BearerToken = "sandbox-reso-bearer";

    /// <summary>The FSBO feed's filter: active listings without a listing agent.</summary>
    public const string FsboFilter = "StandardStatus eq 'Active' and ListAgentFullName eq null";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ResoFault> _faults = new();
    private readonly Lock _sync = new();
    private readonly List<JsonObject> _listings;
    private readonly TimeProvider _time;
    private int _pageRequests;
    private int _tokenRequests;

    internal SandboxResoFeed(List<JsonObject> listings, TimeProvider time)
    {
        _listings = listings;
        _time = time;
    }

    /// <summary>How long a token lives (<c>expires_in</c>).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a <see cref="ResoFault.Timeout"/> page waits before answering.</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>While set, every page's nextLink points back at the first page: a loop that never ends.</summary>
    public bool NextLinkLoops { get; set; }

    public int PageRequests => Volatile.Read(ref _pageRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>A copy of the listings as the feed serves them.</summary>
    public IReadOnlyList<JsonObject> Listings
    {
        get
        {
            lock (_sync)
            {
                return [.. _listings.Select(l => (JsonObject)l.DeepClone())];
            }
        }
    }

    public void Enqueue(ResoFault fault) => _faults.Enqueue(fault);

    /// <summary>Every token issued so far is refused from now on, as when they expire.</summary>
    public void ExpireTokens() => _tokens.Clear();

    /// <summary>Adds or replaces a listing (by ListingKey); set its ModificationTimestamp to make it new to a reader.</summary>
    public void Upsert(JsonObject listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var key = listing["ListingKey"]?.GetValue<string>() ?? throw new ArgumentException("ListingKey is required.", nameof(listing));
        lock (_sync)
        {
            _listings.RemoveAll(l => l["ListingKey"]?.GetValue<string>() == key);
            _listings.Add(listing);
        }
    }

    internal string IssueToken()
    {
        Interlocked.Increment(ref _tokenRequests);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = _time.GetUtcNow() + TokenLifetime;
        return token;
    }

    internal bool Accepts(string token) =>
        token == BearerToken || (_tokens.TryGetValue(token, out var expires) && expires > _time.GetUtcNow());

    internal ResoFault? TakeFault()
    {
        Interlocked.Increment(ref _pageRequests);
        return _faults.TryDequeue(out var fault) ? fault : null;
    }

    /// <summary>The listings the filter selects, in (ModificationTimestamp, ListingKey) order.</summary>
    internal List<JsonObject> Query(Func<JsonObject, bool> filter)
    {
        lock (_sync)
        {
            return [.. _listings
                .Where(filter)
                .OrderBy(l => l["ModificationTimestamp"]?.GetValue<string>(), StringComparer.Ordinal)
                .ThenBy(l => l["ListingKey"]?.GetValue<string>(), StringComparer.Ordinal)
                .Select(l => (JsonObject)l.DeepClone())];
        }
    }
}
