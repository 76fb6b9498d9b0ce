using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sdr.Core.Data;

namespace Sdr.Core.Sequences;

/// <summary>Changes asked for through the API: manual disenrolment.</summary>
public sealed partial class SequenceCommands(SdrDbContext db, TimeProvider time, ILogger<SequenceCommands> logger)
{
    /// <summary>Stops the active sequence(s) of the contact without opting the contact out. False when there is none.</summary>
    public async Task<bool> StopAsync(string contactId, string? locationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Sequences.Where(s => s.ContactId == contactId && s.IsActive);
        if (locationId is not null)
        {
            query = query.Where(s => s.LocationId == locationId);
        }

        var sequences = await query.ToListAsync(cancellationToken);
        foreach (var sequence in sequences)
        {
            sequence.Stop(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (sequences.Count > 0)
        {
            LogStopped(logger, contactId, sequences.Count);
        }

        return sequences.Count > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Count} active sequence(s) of contact {ContactId} by request; the contact is not opted out")]
    private static partial void LogStopped(ILogger logger, string contactId, int count);
}
