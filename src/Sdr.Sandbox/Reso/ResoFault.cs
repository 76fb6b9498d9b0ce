namespace Sdr.Sandbox.Reso;

/// <summary>What the sandbox's RESO feed does wrong to the next page request (tests of a client's robustness).</summary>
public enum ResoFault
{
    /// <summary>Answers only after <see cref="SandboxResoFeed.TimeoutDelay"/> (or when the client gives up).</summary>
    Timeout,

    /// <summary>Answers 503.</summary>
    ServerError,

    /// <summary>The page's nextLink points at the same page again (under another URL), so it is served twice.</summary>
    RepeatPage,
}
