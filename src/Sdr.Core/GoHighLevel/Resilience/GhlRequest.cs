namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>One logical GHL call; the executor turns it into one or more HTTP attempts.</summary>
internal sealed record GhlRequest(
    string Operation,
    string LocationId,
    HttpMethod Method,
    string PathAndQuery,
    string Version,
    GhlCallKind Kind)
{
    /// <summary>Serialized once so every attempt sends identical bytes.</summary>
    public byte[]? JsonBody { get; init; }

    /// <summary>A 404 is an answer ("no such resource"), not a failure.</summary>
    public bool NotFoundIsNull { get; init; }
}
