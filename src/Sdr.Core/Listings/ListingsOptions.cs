using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Listings;

/// <summary><c>sdr:listings</c>: the RESO feeds per location, the CSV column mapping and the owner upsert.</summary>
public sealed class ListingsOptions
{
    public const string SectionName = "sdr:listings";

    /// <summary>RESO Web API feeds, each for one location and source.</summary>
    [ConfigurationKeyName("feeds")]
    public List<ListingFeedOptions> Feeds { get; set; } = [];

    [ConfigurationKeyName("csv")]
    public ListingCsvOptions Csv { get; set; } = new();

    /// <summary>Listing fact → GHL custom field id; an empty id is not sent.</summary>
    [ConfigurationKeyName("custom_fields")]
    public Dictionary<string, string> CustomFields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Source → the tag added to the owner's contact (<c>POST /contacts/{id}/tags</c>).</summary>
    [ConfigurationKeyName("source_tags")]
    public Dictionary<string, string> SourceTags { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Owners upserted as GHL contacts per location and UTC day, at most (each costs two GHL requests).</summary>
    [ConfigurationKeyName("max_owner_upserts_per_day")]
    [Range(1, 100_000, ErrorMessage = "sdr:listings:max_owner_upserts_per_day must be between {1} and {2}.")]
    public int MaxOwnerUpsertsPerDay { get; set; } = 500;

    /// <summary>Rows per transaction when staging a CSV file or a feed page.</summary>
    [ConfigurationKeyName("import_batch_size")]
    [Range(1, 50_000, ErrorMessage = "sdr:listings:import_batch_size must be between {1} and {2}.")]
    public int ImportBatchSize { get; set; } = 2000;

    /// <summary>Pages read from a feed per prospecting cycle, at most (the checkpoint carries the rest to the next).</summary>
    [ConfigurationKeyName("feed_max_pages")]
    [Range(1, 10_000, ErrorMessage = "sdr:listings:feed_max_pages must be between {1} and {2}.")]
    public int FeedMaxPages { get; set; } = 50;

    /// <summary>One feed request (token or page) gives up after this many seconds; it is retried with backoff.</summary>
    [ConfigurationKeyName("feed_timeout_seconds")]
    [Range(1, 600, ErrorMessage = "sdr:listings:feed_timeout_seconds must be between {1} and {2}.")]
    public int FeedTimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts per feed request (timeouts, 5xx, 429), with exponential backoff.</summary>
    [ConfigurationKeyName("feed_max_attempts")]
    [Range(1, 10, ErrorMessage = "sdr:listings:feed_max_attempts must be between {1} and {2}.")]
    public int FeedMaxAttempts { get; set; } = 3;

    [ConfigurationKeyName("feed_retry_base_delay_ms")]
    [Range(1, 60_000, ErrorMessage = "sdr:listings:feed_retry_base_delay_ms must be between {1} and {2}.")]
    public int FeedRetryBaseDelayMs { get; set; } = 1000;

    public ListingFeedOptions? FeedFor(string locationId, string source) =>
        Feeds.FirstOrDefault(f => string.Equals(f.LocationId, locationId, StringComparison.Ordinal) && string.Equals(f.Source, source, StringComparison.Ordinal));
}

/// <summary>One RESO Web API feed: the <c>Property</c> resource's URL and how to authenticate.</summary>
public sealed class ListingFeedOptions
{
    [ConfigurationKeyName("location_id")]
    public string LocationId { get; set; } = "";

    /// <summary><c>expired_mls</c> or <c>fsbo</c>.</summary>
    [ConfigurationKeyName("source")]
    public string Source { get; set; } = "";

    /// <summary>The OData Property resource, e.g. https://api.example-mls.com/reso/odata/Property.</summary>
    [ConfigurationKeyName("url")]
    public string Url { get; set; } = "";

    /// <summary>OAuth2 token endpoint (client credentials); empty with a static bearer token.</summary>
    [ConfigurationKeyName("token_url")]
    public string? TokenUrl { get; set; }

    [ConfigurationKeyName("client_id")]
    public string? ClientId { get; set; }

    /// <summary>The environment variable that holds the client secret (never the secret itself).</summary>
    [ConfigurationKeyName("client_secret_env")]
    public string? ClientSecretEnv { get; set; }

    /// <summary>The environment variable that holds a static bearer token (instead of client credentials).</summary>
    [ConfigurationKeyName("bearer_token_env")]
    public string? BearerTokenEnv { get; set; }

    /// <summary>
    /// The OData filter that selects the source's listings. Empty for <c>expired_mls</c>: StandardStatus in
    /// Expired, Withdrawn, Canceled. FSBO is not a StandardStatus, so an FSBO feed names its own.
    /// </summary>
    [ConfigurationKeyName("filter")]
    public string? Filter { get; set; }

    [ConfigurationKeyName("page_size")]
    public int PageSize { get; set; } = 200;

    [ConfigurationKeyName("scope")]
    public string? Scope { get; set; }
}

/// <summary><c>sdr:listings:csv</c>.</summary>
public sealed class ListingCsvOptions
{
    /// <summary>Our field → the CSV header that holds it; fields not named use their RESO Data Dictionary name.</summary>
    [ConfigurationKeyName("columns")]
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
