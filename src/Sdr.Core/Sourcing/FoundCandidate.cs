using Sdr.Core.Listings;
using Sdr.Core.Profiles;

namespace Sdr.Core.Sourcing;

/// <summary>
/// What a source knew about a candidate, stored (encrypted) with it so a resumed cycle needs no second read: the
/// phone, the DND flags and address when the source gave them (null: unknown), the hints for the profiler, and for a
/// listing the staged listing itself.
/// </summary>
public sealed record CandidateFacts(
    string? Phone,
    bool? Dnd,
    Dictionary<string, string>? DndChannels,
    string? State,
    string? PostalCode,
    string? City,
    ProspectHints? Hints,
    ListingCandidate? Listing = null);

/// <summary>A contact (or a listing whose owner is not a contact yet) a source found.</summary>
public sealed record FoundCandidate(string Key, string? ContactId, long? ListingId, CandidateFacts Facts);

/// <summary>What one source gave: its candidates, or the error that stopped it.</summary>
public sealed record SourceRead(string Source, IReadOnlyList<FoundCandidate> Candidates, string? Error = null);
