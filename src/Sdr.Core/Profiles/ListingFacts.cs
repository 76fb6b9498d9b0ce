namespace Sdr.Core.Profiles;

/// <summary>
/// What a listing feed or CSV says about one listing, in RESO Data Dictionary terms. Prices in the
/// listing's currency (USD); <see cref="Source"/> is <c>expired_mls</c> or <c>fsbo</c>.
/// </summary>
public sealed record ListingFacts(
    string ListingKey,
    string Source,
    string? StandardStatus,
    decimal? ListPrice,
    decimal? OriginalListPrice,
    decimal? PreviousListPrice,
    int? DaysOnMarket,
    string? PropertyType,
    string? UnparsedAddress,
    string? City,
    string? StateOrProvince,
    string? PostalCode,
    DateTime? ModificationTimestamp,
    DateTime? StatusChangeTimestamp);
