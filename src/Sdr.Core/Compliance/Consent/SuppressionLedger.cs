using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;

namespace Sdr.Core.Compliance.Consent;

/// <summary>The one query that says whether a contact (or its phone number) may be contacted on a channel.</summary>
public static class SuppressionLedger
{
    /// <summary>"source: reason" of the first matching suppression, or null when the contact may be contacted.</summary>
    public static Task<string?> FindAsync(SdrDbContext db, string contactId, string locationId, string channel, string? phone, CancellationToken cancellationToken)
    {
        var phoneHash = PhoneHash.Of(phone);
        return db.Suppressions.AsNoTracking()
            .Where(s => s.ContactId == contactId || (phoneHash != null && s.PhoneHash == phoneHash))
            .Where(s => s.LocationId == null || s.LocationId == locationId)
            .Where(s => s.Channel == null || s.Channel == channel)
            .OrderBy(s => s.Id)
            .Select(s => s.Source + ": " + s.Reason)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
