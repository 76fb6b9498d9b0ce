namespace Sdr.Core.Compliance;

/// <summary>
/// A message ready to send, and what produced it: the template file (<see cref="TemplateId"/>) and variant, and the
/// language model that rewrote it (<see cref="ComposedByModel"/>, null when the filled template went out as it was).
/// </summary>
public sealed record ComposedMessage(string Body, string? Subject = null)
{
    public string? TemplateId { get; init; }

    public string? TemplateVariant { get; init; }

    public string? ComposedByModel { get; init; }
}
