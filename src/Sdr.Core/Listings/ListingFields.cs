namespace Sdr.Core.Listings;

/// <summary>
/// Our names for a listing's fields (config keys of <c>sdr:listings:csv:columns</c> and
/// <c>sdr:listings:custom_fields</c>) and the RESO Data Dictionary names they default to.
/// </summary>
public static class ListingFields
{
    public const string ListingKey = "listing_key";
    public const string StandardStatus = "standard_status";
    public const string ListPrice = "list_price";
    public const string OriginalListPrice = "original_list_price";
    public const string PreviousListPrice = "previous_list_price";
    public const string DaysOnMarket = "days_on_market";
    public const string PropertyType = "property_type";
    public const string Address = "address";
    public const string City = "city";
    public const string State = "state";
    public const string PostalCode = "postal_code";
    public const string ModificationTimestamp = "modification_timestamp";
    public const string StatusChangeTimestamp = "status_change_timestamp";
    public const string OwnerName = "owner_name";
    public const string OwnerFirstName = "owner_first_name";
    public const string OwnerLastName = "owner_last_name";
    public const string OwnerPhone = "owner_phone";
    public const string OwnerEmail = "owner_email";

    /// <summary>Our field → its RESO Data Dictionary name (the Property resource's field, or the CSV header by default).</summary>
    public static readonly IReadOnlyDictionary<string, string> ResoNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [ListingKey] = "ListingKey",
        [StandardStatus] = "StandardStatus",
        [ListPrice] = "ListPrice",
        [OriginalListPrice] = "OriginalListPrice",
        [PreviousListPrice] = "PreviousListPrice",
        [DaysOnMarket] = "DaysOnMarket",
        [PropertyType] = "PropertyType",
        [Address] = "UnparsedAddress",
        [City] = "City",
        [State] = "StateOrProvince",
        [PostalCode] = "PostalCode",
        [ModificationTimestamp] = "ModificationTimestamp",
        [StatusChangeTimestamp] = "StatusChangeTimestamp",
        [OwnerName] = "OwnerName",
        [OwnerFirstName] = "OwnerFirstName",
        [OwnerLastName] = "OwnerLastName",
        [OwnerPhone] = "OwnerPhone",
        [OwnerEmail] = "OwnerEmail",
    };

    /// <summary>The columns a CSV file must have.</summary>
    public static readonly IReadOnlyList<string> Required = [ListingKey, OwnerPhone];

    /// <summary>The facts that can go to a GHL custom field.</summary>
    public static readonly IReadOnlyList<string> CustomFieldFacts =
        [ListingKey, StandardStatus, ListPrice, OriginalListPrice, PreviousListPrice, DaysOnMarket, PropertyType, StatusChangeTimestamp];
}
