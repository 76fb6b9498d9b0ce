namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_listings</c>: a listing staged from a RESO feed or a CSV file (one row per location, source and
/// listing key), its owner (name, phone and email encrypted at rest; the phone also as a lookup hash) and
/// how far it has come: staged, excluded with a reason, upserted as a GHL contact, enrolled or skipped.
/// </summary>
public sealed class SdrListing
{
    public long Id { get; set; }
    public required string LocationId { get; set; }

    /// <summary><c>expired_mls</c> or <c>fsbo</c>.</summary>
    public required string Source { get; set; }

    public required string ListingKey { get; set; }
    public string? StandardStatus { get; set; }
    public decimal? ListPrice { get; set; }
    public decimal? OriginalListPrice { get; set; }
    public decimal? PreviousListPrice { get; set; }
    public int? DaysOnMarket { get; set; }
    public string? PropertyType { get; set; }
    public string? UnparsedAddress { get; set; }
    public string? City { get; set; }
    public string? StateOrProvince { get; set; }
    public string? PostalCode { get; set; }
    public DateTime? ModificationTimestamp { get; set; }
    public DateTime? StatusChangeTimestamp { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? OwnerFirstName { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? OwnerLastName { get; set; }

    /// <summary>The owner's phone in E.164, encrypted at rest; null when the source gave none that is valid.</summary>
    public string? OwnerPhone { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? OwnerEmail { get; set; }

    /// <summary>Lookup hash of <see cref="OwnerPhone"/> (the suppression ledger's key).</summary>
    public string? OwnerPhoneHash { get; set; }

    public ListingState State { get; private set; } = ListingState.Staged;

    /// <summary>Why the listing was excluded or skipped; null otherwise.</summary>
    public string? StateReason { get; private set; }

    /// <summary>The owner's GHL contact once upserted.</summary>
    public string? ContactId { get; private set; }

    public DateTime ImportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? UpsertedAt { get; private set; }

    /// <summary>The import (CSV file or feed read) that last wrote the row.</summary>
    public required string BatchId { get; set; }

    /// <summary>Whether a prospecting cycle may still offer the listing.</summary>
    public bool IsOpen => State is ListingState.Staged or ListingState.Upserted;

    public void Exclude(string reason, DateTime at)
    {
        State = ListingState.Excluded;
        StateReason = reason;
        UpdatedAt = at;
    }

    /// <summary>Back to staged (a listing excluded for a reason that no longer holds, such as a missing phone now given).</summary>
    public void Restage(DateTime at)
    {
        State = ListingState.Staged;
        StateReason = null;
        UpdatedAt = at;
    }

    public void Upserted(string contactId, DateTime at)
    {
        State = ListingState.Upserted;
        StateReason = null;
        ContactId = contactId;
        UpsertedAt = at;
        UpdatedAt = at;
    }

    public void Enrolled(DateTime at)
    {
        State = ListingState.Enrolled;
        StateReason = null;
        UpdatedAt = at;
    }

    public void Skip(string reason, DateTime at)
    {
        State = ListingState.Skipped;
        StateReason = reason;
        UpdatedAt = at;
    }
}

public enum ListingState
{
    Staged,
    Excluded,
    Upserted,
    Enrolled,
    Skipped,
}

public static class ListingStateNames
{
    public static string ToName(this ListingState state) => state switch
    {
        ListingState.Staged => "staged",
        ListingState.Excluded => "excluded",
        ListingState.Upserted => "upserted",
        ListingState.Enrolled => "enrolled",
        ListingState.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static ListingState Parse(string name) => name switch
    {
        "staged" => ListingState.Staged,
        "excluded" => ListingState.Excluded,
        "upserted" => ListingState.Upserted,
        "enrolled" => ListingState.Enrolled,
        "skipped" => ListingState.Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a listing state"),
    };
}
