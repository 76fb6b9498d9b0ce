using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Agent;

/// <summary>Records every use of the language model (<c>sdr_llm_calls</c>): model, latency, fallback reason; never text.</summary>
public sealed class LlmUsage(SdrDbContext db, TimeProvider time)
{
    public const string Classify = "classify";
    public const string Compose = "compose";

    public void Record(SdrReply reply, string purpose, string model, TimeSpan latency, string? fallbackReason) =>
        db.LlmCalls.Add(new SdrLlmCall
        {
            ContactId = reply.ContactId,
            LocationId = reply.LocationId,
            ReplyId = reply.Id,
            Purpose = purpose,
            Model = model.Length <= 100 ? model : model[..100],
            LatencyMs = (int)Math.Min(int.MaxValue, latency.TotalMilliseconds),
            Succeeded = fallbackReason is null,
            FallbackReason = fallbackReason is null || fallbackReason.Length <= 100 ? fallbackReason : fallbackReason[..100],
            At = time.GetUtcNow().UtcDateTime,
        });
}
