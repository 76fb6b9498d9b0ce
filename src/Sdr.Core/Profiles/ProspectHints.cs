namespace Sdr.Core.Profiles;

/// <summary>
/// What a source knows about a contact beyond its GHL record, handed to enrolment so the
/// ProspectProfiler can store it: the listing behind an expired / FSBO owner, the opportunity behind a
/// pipeline lead, and the last activity a stale-lead search confirmed.
/// </summary>
public sealed record ProspectHints(ListingFacts? Listing = null, OpportunityFacts? Opportunity = null, DateTime? LastActivityAt = null);
