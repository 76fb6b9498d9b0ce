using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sdr.Tests.Contracts;

/// <summary>An operation of HighLevel's OpenAPI files, found by the request's method and path.</summary>
internal sealed record GhlSpecOperation(string File, string PathTemplate, string Method, JsonElement Operation)
{
    public string OperationId => Operation.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{Method} {PathTemplate}";
}

/// <summary>
/// Reads the copied GHL OpenAPI files with System.Text.Json and resolves local and cross-file $refs
/// (e.g. ../common/common-schemas.json#/components/schemas/BadRequestDTO).
/// </summary>
internal sealed class GhlOpenApiSpec
{
    private static readonly string[] AppFiles = ["contacts", "conversations", "calendars", "opportunities", "workflows", "locations"];

    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "Contracts", "ghl-openapi");
    private readonly Dictionary<string, JsonDocument> _documents = new(StringComparer.Ordinal);

    public IEnumerable<GhlSpecOperation> Operations()
    {
        foreach (var app in AppFiles)
        {
            var file = $"apps/{app}.json";
            foreach (var path in Document(file).RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object))
                {
                    yield return new GhlSpecOperation(file, path.Name, method.Name.ToUpperInvariant(), method.Value);
                }
            }
        }
    }

    /// <summary>Literal templates win over parameterised ones (/contacts/search before /contacts/{contactId}).</summary>
    public GhlSpecOperation? Find(string method, string path, out IReadOnlyDictionary<string, string> pathValues)
    {
        var candidates = Operations()
            .Where(op => op.Method == method)
            .Select(op => (Op: op, Match: TemplateRegex(op.PathTemplate).Match(path.TrimEnd('/'))))
            .Where(c => c.Match.Success)
            .OrderBy(c => c.Op.PathTemplate.Count(ch => ch == '{'))
            .ToList();
        if (candidates.Count == 0)
        {
            pathValues = new Dictionary<string, string>();
            return null;
        }

        var best = candidates[0];
        pathValues = best.Match.Groups.Cast<Group>().Where(g => g.Name != "0").ToDictionary(g => g.Name, g => Uri.UnescapeDataString(g.Value));
        return best.Op;
    }

    /// <summary>Follows $ref (and a single-entry allOf) until it reaches a concrete schema.</summary>
    public (string File, JsonElement Schema) Resolve(string file, JsonElement schema)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var parts = reference.GetString()!.Split('#', 2);
                if (parts[0].Length > 0)
                {
                    file = Path.GetRelativePath(_root, Path.GetFullPath(Path.Combine(_root, Path.GetDirectoryName(file)!, parts[0]))).Replace('\\', '/');
                }

                schema = parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Aggregate(Document(file).RootElement, (node, segment) => node.GetProperty(segment));
                continue;
            }

            if (schema.TryGetProperty("allOf", out var allOf) && allOf.GetArrayLength() == 1)
            {
                schema = allOf[0];
                continue;
            }

            return (file, schema);
        }

        throw new InvalidOperationException($"$ref chain too deep in {file}");
    }

    public JsonElement Schema(string file, string name) =>
        Document(file).RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private JsonDocument Document(string file)
    {
        if (!_documents.TryGetValue(file, out var document))
        {
            var fullPath = Path.Combine(_root, file);
            File.Exists(fullPath).ShouldBeTrue($"spec file {fullPath} is not copied to the test output");
            document = JsonDocument.Parse(File.ReadAllBytes(fullPath));
            _documents[file] = document;
        }

        return document;
    }

    private static Regex TemplateRegex(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template.TrimEnd('/')), @"\\\{(\w+)}", "(?<$1>[^/]+)") + "$", RegexOptions.CultureInvariant);
}
