namespace Sdr.Core.Qualification;

/// <summary>What we knew before the conversation: the enrolment's <c>lead_type</c>, its source and the contact's GHL tags.</summary>
public sealed record ProspectContext(string? LeadTypeHint, string? Source, IReadOnlyCollection<string> Tags)
{
    public static ProspectContext None { get; } = new(null, null, []);
}
