using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdr.Core.Listings;

/// <summary>One page of an OData collection: <c>{"value": [...], "@odata.nextLink": "..."}</c>.</summary>
internal sealed record ResoPage(
    [property: JsonPropertyName("value")] IReadOnlyList<JsonElement>? Value,
    [property: JsonPropertyName("@odata.nextLink")] string? NextLink);

/// <summary>An OAuth2 token response (RFC 6749 section 5.1).</summary>
internal sealed record ResoTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
