using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdr.Tests.Unit.Security;

/// <summary>The official Fernet test vectors (fernet/spec), copied next to the test assembly.</summary>
public static class FernetSpecVectors
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<FernetVector> Generate { get; } = Load("generate.json");

    public static IReadOnlyList<FernetVector> Verify { get; } = Load("verify.json");

    public static IReadOnlyList<FernetVector> Invalid { get; } = Load("invalid.json");

    public static TheoryData<int> Indexes(IReadOnlyList<FernetVector> vectors)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < vectors.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static List<FernetVector> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Unit", "Security", "fernet-spec", fileName);
        return JsonSerializer.Deserialize<List<FernetVector>>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidOperationException($"{fileName} is empty.");
    }
}

public sealed record FernetVector(
    string Token,
    DateTimeOffset Now,
    string Secret,
    string? Src = null,
    string? Desc = null,
    int[]? Iv = null,
    [property: JsonPropertyName("ttl_sec")] int? TtlSec = null)
{
    public TimeSpan? Ttl => TtlSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public byte[] IvBytes => Iv?.Select(b => (byte)b).ToArray() ?? throw new InvalidOperationException("Vector has no IV.");
}
