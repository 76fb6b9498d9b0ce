using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sdr.Core.Listings;

/// <summary>
/// HTTP to a RESO Web API server: one page of the <c>Property</c> resource at a time, authenticated with an
/// OAuth2 client-credentials token (cached until it expires, fetched again when refused) or a static bearer
/// token. Secrets come from environment variables named in config and never reach a log or an exception.
/// Timeouts, 5xx and 429 are retried with backoff by the client's resilience handler.
/// </summary>
public sealed class ResoFeedClient(HttpClient http, ResoTokenCache tokens)
{
    internal async Task<ResoPage> GetPageAsync(ListingFeedOptions feed, Uri url, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(feed, cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync(url, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !string.IsNullOrWhiteSpace(feed.TokenUrl))
        {
            // The token expired early or was revoked: one fresh token, one more try.
            tokens.Forget(FeedKey(feed));
            token = await TokenAsync(feed, cancellationToken).ConfigureAwait(false);
            using var retried = await SendAsync(url, token, cancellationToken).ConfigureAwait(false);
            return await ReadPageAsync(retried, feed, cancellationToken).ConfigureAwait(false);
        }

        return await ReadPageAsync(response, feed, cancellationToken).ConfigureAwait(false);
    }

    internal static string FeedKey(ListingFeedOptions feed) => feed.LocationId + "|" + feed.Source + "|" + feed.Url;

    private async Task<HttpResponseMessage> SendAsync(Uri url, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ResoFeedException($"the RESO feed at {url.GetLeftPart(UriPartial.Path)} did not answer ({exception.GetType().Name}) after the retries", exception);
        }
    }

    private static async Task<ResoPage> ReadPageAsync(HttpResponseMessage response, ListingFeedOptions feed, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ResoFeedException($"the RESO feed of location {feed.LocationId} ({feed.Source}) answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ResoPage>(cancellationToken).ConfigureAwait(false)
                ?? throw new ResoFeedException($"the RESO feed of location {feed.LocationId} ({feed.Source}) answered an empty body");
        }
        catch (JsonException exception)
        {
            throw new ResoFeedException($"the RESO feed of location {feed.LocationId} ({feed.Source}) answered a page that is not OData JSON", exception);
        }
    }

    private async Task<string> TokenAsync(ListingFeedOptions feed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(feed.TokenUrl))
        {
            return Environment.GetEnvironmentVariable(feed.BearerTokenEnv ?? "") is { Length: > 0 } bearer
                ? bearer
                : throw new ResoFeedException($"the RESO feed of location {feed.LocationId} ({feed.Source}) has no bearer token: environment variable {feed.BearerTokenEnv} is not set");
        }

        var key = FeedKey(feed);
        if (tokens.Get(key) is { } cached)
        {
            return cached;
        }

        var secret = Environment.GetEnvironmentVariable(feed.ClientSecretEnv ?? "");
        if (string.IsNullOrEmpty(secret))
        {
            throw new ResoFeedException($"the RESO feed of location {feed.LocationId} ({feed.Source}) has no client secret: environment variable {feed.ClientSecretEnv} is not set");
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = feed.ClientId ?? "",
            ["client_secret"] = secret,
        };
        if (!string.IsNullOrWhiteSpace(feed.Scope))
        {
            form["scope"] = feed.Scope;
        }

        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await http.PostAsync(new Uri(feed.TokenUrl), content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ResoFeedException($"the token endpoint of the RESO feed of location {feed.LocationId} ({feed.Source}) did not answer ({exception.GetType().Name})", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ResoFeedException($"the token endpoint of the RESO feed of location {feed.LocationId} ({feed.Source}) refused the client credentials ({(int)response.StatusCode})");
            }

            var body = await response.Content.ReadFromJsonAsync<ResoTokenResponse>(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.AccessToken))
            {
                throw new ResoFeedException($"the token endpoint of the RESO feed of location {feed.LocationId} ({feed.Source}) answered no access_token");
            }

            tokens.Set(key, body.AccessToken, TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 3600));
            return body.AccessToken;
        }
    }
}
