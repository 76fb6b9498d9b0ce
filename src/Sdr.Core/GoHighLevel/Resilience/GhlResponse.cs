using System.Net;

namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>A successful GHL answer with its body already buffered.</summary>
internal sealed record GhlResponse(HttpStatusCode StatusCode, byte[] Body);
