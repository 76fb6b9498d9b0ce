using System.Net;

namespace Sdr.Core.Ai;

/// <summary>Why an answer of the model was not used: stable strings, safe to log and store (no message text).</summary>
public static class LlmFallbackReasons
{
    /// <summary>No API key: the model is off.</summary>
    public const string Disabled = "disabled";

    /// <summary>No answer within sdr:ai:timeout_seconds.</summary>
    public const string Timeout = "timeout";

    /// <summary>The API stopped with stop_reason "refusal", or the answer declines the task.</summary>
    public const string Refusal = "refusal";

    /// <summary>A classification whose label is not one of the allowed labels.</summary>
    public const string InvalidLabel = "invalid_label";

    /// <summary>A classification with no readable JSON answer.</summary>
    public const string Unparseable = "unparseable";

    /// <summary>A composed answer longer than the room given, or cut off at max_tokens.</summary>
    public const string TooLong = "too_long";

    /// <summary>An HTTP error status from the API (<c>error:529</c>).</summary>
    public static string Error(HttpStatusCode status) => $"error:{(int)status}";

    /// <summary>A failure with no status: the exception's type only, never its message (it may hold the answer).</summary>
    public static string Error(Exception exception) => $"error:{exception.GetType().Name}";

    /// <summary>A composed answer that breaks a content rule (<see cref="AnswerRules"/>).</summary>
    public static string Rule(string name) => $"rule:{name}";
}
