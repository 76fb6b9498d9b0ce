using System.ComponentModel.DataAnnotations;

namespace Sdr.Core.Webhooks;

/// <summary>
/// <c>Webhooks</c>: how GHL's webhooks are authenticated and how much the inbox takes
/// (env <c>Webhooks__SharedSecret</c>, <c>Webhooks__Ed25519PublicKey</c>, <c>Webhooks__RsaPublicKey</c>, ...).
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>HighLevel's published Ed25519 key for <c>X-GHL-Signature</c> (Webhook Integration Guide).</summary>
    public const string GhlEd25519PublicKey = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
        -----END PUBLIC KEY-----
        """;

    /// <summary>HighLevel's published RSA key for the legacy <c>x-wh-signature</c> (ghl-openapi/docs/oauth/WebhookAuthentication.md).</summary>
    public const string GhlRsaPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
        Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
        dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
        csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
        uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
        3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
        J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
        IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
        h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
        HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
        PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
        T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
        -----END PUBLIC KEY-----
        """;

    /// <summary>Secret for GHL workflow webhooks (header <c>X-Webhook-Secret</c> or query <c>secret</c>); empty: not accepted.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>PEM, base64 SPKI or base64 raw 32-byte key.</summary>
    public string Ed25519PublicKey { get; set; } = GhlEd25519PublicKey;

    /// <summary>PEM or base64 SPKI.</summary>
    public string RsaPublicKey { get; set; } = GhlRsaPublicKey;

    /// <summary>How far a signed event's <c>timestamp</c> may be from now, either way.</summary>
    [Range(10, 86_400, ErrorMessage = "Webhooks:ReplayWindowSeconds must be between {1} and {2}.")]
    public int ReplayWindowSeconds { get; set; } = 300;

    /// <summary>Larger bodies get 413.</summary>
    [Range(1_024, 10_485_760, ErrorMessage = "Webhooks:MaxBodyBytes must be between {1} and {2}.")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Unprocessed events above this answer 429, so GHL retries later instead of losing them.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Webhooks:MaxBacklog must be between {1} and {2}.")]
    public int MaxBacklog { get; set; } = 20_000;

    /// <summary>
    /// How long the inbox writer waits, after the first event of a quiet moment, for more to share its
    /// commit. Under load, events queued during a commit share the next one anyway; waiting trades latency
    /// for fewer commits (and less write-ahead log: each commit rewrites whole pages of the table and its three
    /// indexes): at 2,000 webhooks/s, 2 ms took the server's CPU per webhook from ~465 to ~385 µs, but put p50
    /// at 3.1 ms instead of 0.4 ms and p99 at 11.5 ms instead of 9–10 ms (docs/benchmarks.md, "Webhook
    /// intake"). 0: commit at once.
    /// </summary>
    [Range(0, 50, ErrorMessage = "Webhooks:GroupCommitMilliseconds must be between {1} and {2}.")]
    public int GroupCommitMilliseconds { get; set; }

    /// <summary>
    /// How long the processor lets new events gather after it is woken, before it takes them as one batch.
    /// A pass has a fixed cost (a scope, the batch query, the sequence snapshot), so
    /// taking events one by one as they trickle in costs several times the CPU of taking them in batches
    /// and competes with the intake for the cores and SQLite's write lock. Sending is safe meanwhile: the
    /// consent stage holds a contact's touches while one of its inbound events is unprocessed. The wait is
    /// part of every reply's speed to lead when the processor is idle: 100 ms put the p50 from webhook to
    /// answer at 74 ms at 10 replies/s, 10 ms at 26 ms (docs/benchmarks.md, "Speed to lead").
    /// </summary>
    [Range(0, 5_000, ErrorMessage = "Webhooks:ProcessingDelayMilliseconds must be between {1} and {2}.")]
    public int ProcessingDelayMilliseconds { get; set; } = 10;

    /// <summary>Run the background processor in this process (turn off on intake-only replicas).</summary>
    public bool ProcessingEnabled { get; set; } = true;
}
