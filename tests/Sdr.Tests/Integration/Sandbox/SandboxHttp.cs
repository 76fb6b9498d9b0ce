using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

internal static class SandboxHttp
{
    public const string ContactsVersion = "2021-07-28";
    public const string ConversationsVersion = "2021-04-15";

    public static HttpClient Client(GhlSandbox sandbox, string? token = "sandbox-token-1")
    {
        var client = new HttpClient { BaseAddress = sandbox.BaseUrl };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? version, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (version is not null)
        {
            request.Headers.Add("Version", version);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static SandboxContact FirstContact(GhlSandbox sandbox, Func<SandboxContact, bool> predicate) =>
        sandbox.State.Contacts("sandbox-location-1").First(predicate);

    public static bool Textable(SandboxContact contact) => contact.Phone is not null && !contact.IsSmsBlocked() && !contact.Dnd;
}
