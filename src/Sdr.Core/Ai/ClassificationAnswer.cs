using System.Text;
using System.Text.Json;

namespace Sdr.Core.Ai;

/// <summary>
/// Reads <c>{"label": "...", "confidence": 0.0-1.0}</c> out of the model's answer, tolerating code fences and prose
/// around it; the label must be one of the allowed labels (compared without case, returned as the caller spelled it).
/// </summary>
internal static class ClassificationAnswer
{
    public static (LlmClassification? Value, string? FallbackReason) Read(string text, IReadOnlyList<string> allowedLabels)
    {
        if (FindAnswerObject(text) is not { } answer)
        {
            return (null, RefusalText.IsRefusal(text) ? LlmFallbackReasons.Refusal : LlmFallbackReasons.Unparseable);
        }

        if (!TryReadConfidence(answer.Confidence, out var confidence))
        {
            return (null, LlmFallbackReasons.Unparseable);
        }

        var label = allowedLabels.FirstOrDefault(l => string.Equals(l, answer.Label.Trim(), StringComparison.OrdinalIgnoreCase));
        return label is null
            ? (null, LlmFallbackReasons.InvalidLabel)
            : (new LlmClassification(label, confidence), null);
    }

    /// <summary>The first JSON object in the text that has a string "label".</summary>
    private static (string Label, JsonElement Confidence)? FindAnswerObject(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var start = Array.IndexOf(bytes, (byte)'{'); start >= 0; start = Array.IndexOf(bytes, (byte)'{', start + 1))
        {
            try
            {
                var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object
                    && TryGetProperty(root, "label", out var label) && label.ValueKind == JsonValueKind.String)
                {
                    var confidence = TryGetProperty(root, "confidence", out var c) ? c.Clone() : default;
                    return (label.GetString()!, confidence);
                }
            }
            catch (JsonException)
            {
                // Not a JSON object starting here: try the next brace.
            }
        }

        return null;
    }

    private static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryReadConfidence(JsonElement element, out double confidence)
    {
        confidence = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.String when double.TryParse(element.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return confidence is >= 0.0 and <= 1.0;
    }
}
