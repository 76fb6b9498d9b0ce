using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sdr.Core.Data;

/// <summary>Every timestamp is UTC in the database; values read back are marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
