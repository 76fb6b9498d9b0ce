using System.Net;
using System.Text;

namespace Sdr.Tests.Unit.GoHighLevel;

/// <summary>What the client put on the wire, captured before the fake answers.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);

/// <summary>Records every request and answers with the supplied responder (no mocking library).</summary>
internal sealed class FakeGhlHandler(Func<RecordedRequest, int, Task<HttpResponseMessage>> responder) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    public int Count => Requests.Count;

    /// <summary>Answers the n-th request with the n-th response factory; the last one repeats.</summary>
    public static FakeGhlHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, index) => Task.FromResult(responses[Math.Min(index, responses.Length - 1)]()));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        int index;
        lock (_lock)
        {
            index = _requests.Count;
            _requests.Add(recorded);
        }

        return await responder(recorded, index);
    }
}
