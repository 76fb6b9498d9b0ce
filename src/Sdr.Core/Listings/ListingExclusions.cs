namespace Sdr.Core.Listings;

/// <summary>Why a staged listing is never offered to a prospecting cycle.</summary>
public static class ListingExclusions
{
    public const string NoOwnerPhone = "no_owner_phone";
    public const string InvalidOwnerPhone = "invalid_owner_phone";
    public const string DoNotCall = "do_not_call";
    public const string Suppressed = "suppressed";
    public const string DuplicateOwner = "duplicate_owner";

    /// <summary>Reasons decided from the owner's phone alone, looked at again when the listing is staged again.</summary>
    internal static bool IsRecomputed(string? reason) =>
        reason is NoOwnerPhone or InvalidOwnerPhone or DoNotCall or Suppressed or DuplicateOwner;
}
