namespace Sdr.Core.Messaging;

/// <summary>What the templates may say about a prospect.</summary>
public sealed record ProspectFacts(string? FirstName, string LeadType, string Source);
