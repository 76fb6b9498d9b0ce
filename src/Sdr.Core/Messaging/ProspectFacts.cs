using Sdr.Core.Profiles;

namespace Sdr.Core.Messaging;

/// <summary>What the templates may say about a prospect: its name, lead type and source, and its profile when it has one.</summary>
public sealed record ProspectFacts(string? FirstName, string LeadType, string Source)
{
    public ProspectProfile? Profile { get; init; }
}
