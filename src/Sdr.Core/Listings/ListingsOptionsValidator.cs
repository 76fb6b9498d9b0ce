using Microsoft.Extensions.Options;

namespace Sdr.Core.Listings;

/// <summary>Checks what data annotations cannot: each feed's source, URL and authentication, and the field names of the mappings.</summary>
internal sealed class ListingsOptionsValidator : IValidateOptions<ListingsOptions>
{
    public ValidateOptionsResult Validate(string? name, ListingsOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            CheckFeed($"{ListingsOptions.SectionName}:feeds:{i}", options.Feeds[i], failures);
        }

        var duplicate = options.Feeds.GroupBy(f => (f.LocationId, f.Source)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            failures.Add($"{ListingsOptions.SectionName}:feeds has two feeds for location {duplicate.Key.LocationId} and source {duplicate.Key.Source}.");
        }

        foreach (var field in options.Csv.Columns.Keys.Where(f => !ListingFields.ResoNames.ContainsKey(f)))
        {
            failures.Add($"{ListingsOptions.SectionName}:csv:columns:{field} is not a listing field (known: {string.Join(", ", ListingFields.ResoNames.Keys)}).");
        }

        foreach (var fact in options.CustomFields.Keys.Where(f => !ListingFields.CustomFieldFacts.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{ListingsOptions.SectionName}:custom_fields:{fact} is not a listing fact (known: {string.Join(", ", ListingFields.CustomFieldFacts)}).");
        }

        foreach (var source in options.SourceTags.Keys.Where(s => !ListingSources.IsKnown(s)))
        {
            failures.Add($"{ListingsOptions.SectionName}:source_tags:{source} is not a listing source ({string.Join(", ", ListingSources.All)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFeed(string path, ListingFeedOptions feed, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(feed.LocationId))
        {
            failures.Add($"{path}:location_id is required.");
        }

        if (!ListingSources.IsKnown(feed.Source))
        {
            failures.Add($"{path}:source must be {string.Join(" or ", ListingSources.All)}.");
        }

        if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{path}:url must be an absolute http(s) URL of the RESO Property resource.");
        }

        if (feed.Source == ListingSources.Fsbo && string.IsNullOrWhiteSpace(feed.Filter))
        {
            failures.Add($"{path}:filter is required for an fsbo feed (FSBO is not a RESO StandardStatus).");
        }

        if (feed.PageSize is < 1 or > 1000)
        {
            failures.Add($"{path}:page_size must be between 1 and 1000.");
        }

        var oauth = !string.IsNullOrWhiteSpace(feed.TokenUrl);
        if (oauth && (string.IsNullOrWhiteSpace(feed.ClientId) || string.IsNullOrWhiteSpace(feed.ClientSecretEnv)))
        {
            failures.Add($"{path}: token_url needs client_id and client_secret_env (the environment variable holding the secret).");
        }

        if (oauth && !Uri.TryCreate(feed.TokenUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{path}:token_url must be an absolute URL.");
        }

        if (!oauth && string.IsNullOrWhiteSpace(feed.BearerTokenEnv))
        {
            failures.Add($"{path}: set token_url, client_id and client_secret_env (OAuth2 client credentials) or bearer_token_env.");
        }
    }
}
