using System.Net;
using System.Reflection;
using System.Text.Json;
using Sdr.Core.GoHighLevel;
using Sdr.Core.GoHighLevel.Wire;
using Sdr.Tests.Unit.GoHighLevel;

namespace Sdr.Tests.Contracts;

/// <summary>
/// Drives every <see cref="IGoHighLevelClient"/> method through a recording handler and checks each request
/// against HighLevel's own OpenAPI files (copied in Contracts/ghl-openapi, CC0).
/// </summary>
public sealed class GoHighLevelClientContractTests
{
    /// <summary>Spec "required" entries GHL does not really require (see the spec README).</summary>
    private static readonly HashSet<(string OperationId, string Field)> KnownSpecErrors =
    [
        ("send-a-new-message", "subType"),
        ("send-a-new-message", "status"),
    ];

    /// <summary>Wire fields the client reads that the spec does not describe, each with its reason.</summary>
    private static readonly HashSet<(Type WireType, string Field)> UndocumentedResponseFields =
    [
        // POST /contacts/search has no response schema; searchAfter is GHL's documented cursor.
        (typeof(ContactWire), "searchAfter"),

        // ConversationSchema (the search's item) omits it; ConversationDto documents lastMessageDate, the sort value startAfterDate takes.
        (typeof(ConversationWire), "lastMessageDate"),
    ];

    private readonly GhlOpenApiSpec _spec = new();

    [Fact]
    public async Task EveryClientMethodSendsRequestsTheSpecAccepts()
    {
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, _) => Task.FromResult(CannedResponse(request))));
        var client = harness.Client;
        var start = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero);
        const string location = GhlTestHarness.LocationA;
        var calls = new (string Method, Func<Task> Call)[]
        {
            (nameof(IGoHighLevelClient.GetContactAsync), () => client.GetContactAsync(location, "c1")),
            (nameof(IGoHighLevelClient.GetContactsByPipelineStageAsync), () => client.GetContactsByPipelineStageAsync(location, "stage-1", 10)),
            (nameof(IGoHighLevelClient.GetContactsInactiveSinceAsync), () => client.GetContactsInactiveSinceAsync(location, start, 10)),
            (nameof(IGoHighLevelClient.SearchOpenOpportunitiesAsync), () => client.SearchOpenOpportunitiesAsync(location, "stage-1")),
            (nameof(IGoHighLevelClient.SearchContactsUpdatedBeforeAsync), () => client.SearchContactsUpdatedBeforeAsync(location, start)),
            (nameof(IGoHighLevelClient.GetLastMessageDatesSinceAsync), () => client.GetLastMessageDatesSinceAsync(location, start)),
            (nameof(IGoHighLevelClient.SendMessageAsync) + "(SMS)", () => client.SendMessageAsync(location, new GhlOutboundMessage(GhlMessageType.Sms, "c1", "hi"))),
            (nameof(IGoHighLevelClient.SendMessageAsync) + "(Email)", () => client.SendMessageAsync(location, new GhlOutboundMessage(GhlMessageType.Email, "c1", "hi", "Subject"))),
            (nameof(IGoHighLevelClient.TriggerWorkflowAsync), () => client.TriggerWorkflowAsync(location, "c1", "wf1")),
            (nameof(IGoHighLevelClient.AddTagsAsync), () => client.AddTagsAsync(location, "c1", ["a"])),
            (nameof(IGoHighLevelClient.RemoveTagsAsync), () => client.RemoveTagsAsync(location, "c1", ["a"])),
            (nameof(IGoHighLevelClient.UpdateDndAsync), () => client.UpdateDndAsync(location, "c1", new GhlDndUpdate(true, new Dictionary<string, GhlDndChannel> { ["SMS"] = new("active", "STOP") }))),
            (nameof(IGoHighLevelClient.AddNoteAsync), () => client.AddNoteAsync(location, "c1", "note")),
            (nameof(IGoHighLevelClient.GetConversationMessagesAsync), () => client.GetConversationMessagesAsync(location, "c1", 10)),
            (nameof(IGoHighLevelClient.GetFreeSlotsAsync), () => client.GetFreeSlotsAsync(location, "cal1", start, start.AddDays(1), "UTC")),
            (nameof(IGoHighLevelClient.CreateAppointmentAsync), () => client.CreateAppointmentAsync(location, new GhlAppointmentRequest("cal1", "c1", start, start.AddMinutes(30), "Call"))),
            (nameof(IGoHighLevelClient.UpsertContactAsync), () => client.UpsertContactAsync(location, new GhlContactUpsert("Ann", "Lee", "+15550001111", "ann@example.com", "web", "TX", ["lead"]))),
        };
        typeof(IGoHighLevelClient).GetMethods().Select(m => m.Name)
            .Except(calls.Select(c => c.Method.Split('(')[0]))
            .ShouldBeEmpty("every IGoHighLevelClient method must be driven by the contract test");

        var failures = new List<string>();
        foreach (var (method, call) in calls)
        {
            var before = harness.Handler.Count;
            await call();
            var requests = harness.Handler.Requests.Skip(before).ToArray();
            if (requests.Length == 0)
            {
                failures.Add($"{method}: sent no request");
            }

            foreach (var request in requests)
            {
                failures.AddRange(Check(method, request));
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void ResponseFieldsTheClientReadsExistInTheSpecSchemas()
    {
        var mappings = new (string File, string Schema, Type WireType)[]
        {
            ("apps/contacts.json", "ContactsByIdSuccessfulResponseDto", typeof(ContactEnvelopeWire)),
            ("apps/contacts.json", "GetContectByIdSchema", typeof(ContactWire)),
            ("apps/contacts.json", "DndSettingSchema", typeof(DndSettingWire)),
            ("apps/contacts.json", "UpsertContactsSuccessfulResponseDto", typeof(UpsertContactResponseWire)),
            ("apps/conversations.json", "SendMessageResponseDto", typeof(SendMessageResponseWire)),
            ("apps/conversations.json", "SendConversationResponseDto", typeof(ConversationSearchResponseWire)),
            ("apps/conversations.json", "ConversationSchema", typeof(ConversationWire)),
            ("apps/conversations.json", "GetMessagesByConversationResponseDto", typeof(MessagesPageWire)),
            ("apps/conversations.json", "GetMessageResponseDto", typeof(MessageWire)),
            ("apps/calendars.json", "AppointmentSchemaResponse", typeof(AppointmentResponseWire)),
            ("apps/opportunities.json", "SearchSuccessfulResponseDto", typeof(OpportunitySearchResponseWire)),
            ("apps/opportunities.json", "SearchOpportunitiesResponseSchema", typeof(OpportunityWire)),
            ("apps/opportunities.json", "SearchOpportunitiesContactResponseSchema", typeof(OpportunityContactWire)),
            ("apps/opportunities.json", "SearchMetaResponseSchema", typeof(OpportunitySearchMetaWire)),
        };
        var failures = new List<string>();
        foreach (var (file, schemaName, wireType) in mappings)
        {
            var (_, schema) = _spec.Resolve(file, _spec.Schema(file, schemaName));
            var specFields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in wireType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var jsonName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (!specFields.Contains(jsonName) && !UndocumentedResponseFields.Contains((wireType, jsonName)))
                {
                    failures.Add($"{wireType.Name}.{jsonName} is not a field of {file}#{schemaName}");
                }
            }
        }

        var (_, slots) = _spec.Resolve("apps/calendars.json", _spec.Schema("apps/calendars.json", "SlotsSchema"));
        slots.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ShouldContain("slots", "free-slots parsing reads each day's \"slots\"");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private IEnumerable<string> Check(string method, RecordedRequest request)
    {
        var httpMethod = request.Method.Method;
        var operation = _spec.Find(httpMethod, request.Uri.AbsolutePath, out var pathValues);
        if (operation is null)
        {
            yield return $"{method}: {httpMethod} {request.Uri.AbsolutePath} matches no path template and method in the spec";
            yield break;
        }

        var name = $"{method} -> {operation.OperationId} ({httpMethod} {operation.PathTemplate})";
        var query = ParseQuery(request.Uri.Query);
        foreach (var parameter in operation.Operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            var (_, resolved) = _spec.Resolve(operation.File, parameter);
            var parameterName = resolved.GetProperty("name").GetString()!;
            var location = resolved.GetProperty("in").GetString();
            var required = resolved.TryGetProperty("required", out var r) && r.GetBoolean();
            if (location == "header" && parameterName == "Version")
            {
                var expected = ExpectedVersion(resolved);
                request.Headers.TryGetValue("Version", out var actual);
                if (actual != expected)
                {
                    yield return $"{name}: Version header is '{actual}', spec says '{expected}'";
                }

                continue;
            }

            if (!required)
            {
                continue;
            }

            var present = location switch
            {
                "header" => request.Headers.ContainsKey(parameterName),
                "path" => pathValues.TryGetValue(parameterName, out var value) && value.Length > 0,
                "query" => query.TryGetValue(parameterName, out var value) && value.Length > 0,
                _ => true,
            };
            if (!present)
            {
                yield return $"{name}: required {location} parameter '{parameterName}' is missing";
            }
        }

        if (operation.Operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0
            && !(request.Headers.TryGetValue("Authorization", out var auth) && auth.StartsWith("Bearer ", StringComparison.Ordinal)))
        {
            yield return $"{name}: bearer Authorization header is missing";
        }

        foreach (var failure in CheckBody(name, operation, request))
        {
            yield return failure;
        }
    }

    private IEnumerable<string> CheckBody(string name, GhlSpecOperation operation, RecordedRequest request)
    {
        if (!operation.Operation.TryGetProperty("requestBody", out var requestBody))
        {
            yield break;
        }

        if (request.Body is null)
        {
            if (requestBody.TryGetProperty("required", out var bodyRequired) && bodyRequired.GetBoolean())
            {
                yield return $"{name}: the spec requires a JSON body and none was sent";
            }

            yield break;
        }

        if (!request.Headers.TryGetValue("Content-Type", out var contentType) || !contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            yield return $"{name}: body Content-Type is '{contentType}', expected application/json";
        }

        using var body = JsonDocument.Parse(request.Body);
        var schema = requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        foreach (var failure in CheckRequired(name, operation.OperationId, operation.File, schema, body.RootElement, "", nestedLevels: 1))
        {
            yield return failure;
        }
    }

    private IEnumerable<string> CheckRequired(string name, string operationId, string file, JsonElement schema, JsonElement value, string prefix, int nestedLevels)
    {
        var (schemaFile, resolved) = _spec.Resolve(file, schema);
        if (value.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var required = resolved.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        foreach (var field in required)
        {
            if (!value.TryGetProperty(field, out _) && !KnownSpecErrors.Contains((operationId, prefix + field)))
            {
                yield return $"{name}: required body field '{prefix}{field}' is missing";
            }
        }

        if (nestedLevels == 0 || !resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (value.TryGetProperty(property.Name, out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                var (nestedFile, nestedSchema) = _spec.Resolve(schemaFile, property.Value);
                var isMap = nestedSchema.TryGetProperty("properties", out var nestedProperties)
                    && nestedProperties.EnumerateObject().All(p => p.Value.TryGetProperty("$ref", out _))
                    && nested.EnumerateObject().All(p => nestedProperties.TryGetProperty(p.Name, out _));

                // DndSettingsSchema is a channel-keyed map: its required fields live one level further in.
                var entries = isMap ? nested.EnumerateObject().Select(p => (Prefix: $"{prefix}{property.Name}.{p.Name}.", Schema: nestedProperties.GetProperty(p.Name), Value: p.Value)) : [($"{prefix}{property.Name}.", nestedSchema, nested)];
                foreach (var (entryPrefix, entrySchema, entryValue) in entries)
                {
                    foreach (var failure in CheckRequired(name, operationId, nestedFile, entrySchema, entryValue, entryPrefix, nestedLevels - 1))
                    {
                        yield return failure;
                    }
                }
            }
        }
    }

    private static string? ExpectedVersion(JsonElement parameter)
    {
        var schema = parameter.GetProperty("schema");
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return values[0].GetString();
        }

        return schema.TryGetProperty("default", out var fallback) ? fallback.GetString() : null;
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(pair => Uri.UnescapeDataString(pair[0]))
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.First().ElementAtOrDefault(1) ?? ""), StringComparer.Ordinal);

    private static HttpResponseMessage CannedResponse(RecordedRequest request)
    {
        var path = request.Uri.AbsolutePath;
        var json = (request.Method.Method, path) switch
        {
            ("GET", "/opportunities/search") => """{"opportunities":[{"id":"o1","contactId":"c1","locationId":"loc-A","contact":{"id":"c1","name":"Ann Lee"}}],"meta":{"total":1}}""",
            ("POST", "/contacts/search") => """{"contacts":[{"id":"c1","dateUpdated":"2025-01-01T00:00:00.000Z"}],"total":1}""",
            ("POST", "/contacts/upsert") => """{"new":true,"contact":{"id":"c1","tags":[]},"traceId":"t"}""",
            ("POST", "/conversations/messages") => """{"conversationId":"cv1","messageId":"m1","status":"pending"}""",
            ("GET", "/conversations/search") => """{"conversations":[{"id":"cv1","contactId":"c1","locationId":"loc-A"}],"total":1}""",
            ("GET", "/conversations/cv1/messages") => """{"messages":{"lastMessageId":"m1","nextPage":false,"messages":[{"id":"m1","direction":"outbound","messageType":"TYPE_SMS","body":"hi","dateAdded":"2026-01-01T00:00:00.000Z"}]}}""",
            ("GET", "/calendars/cal1/free-slots") => """{"2026-03-03":{"slots":["2026-03-03T15:00:00Z"]}}""",
            ("POST", "/calendars/events/appointments") => """{"id":"ap1","calendarId":"cal1","locationId":"loc-A","contactId":"c1","startTime":"2026-03-03T15:00:00Z"}""",
            ("GET", _) when path.StartsWith("/contacts/", StringComparison.Ordinal) => """{"contact":{"id":"c1"}}""",
            _ => """{"succeded":true}""",
        };
        return FakeGhlHandler.Json(HttpStatusCode.OK, json);
    }
}
