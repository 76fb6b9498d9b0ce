using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Listings;
using Sdr.Core.Profiles;

namespace Sdr.Core.Sourcing;

/// <summary>
/// The seed's ProspectSourcer: reads one source of a location into candidates. <c>ghl_pipeline</c>: the open
/// opportunities of the configured stages (every page). <c>stale_lead</c>: contacts not updated for
/// <c>stale_lead_inactive_days</c> (every page), less those whose conversation or whose touch from us is newer.
/// <c>expired_mls</c> / <c>fsbo</c>: the staged listings of the location's feed (<see cref="IListingCandidates"/>).
/// </summary>
public sealed class ProspectSourcer(
    IServiceScopeFactory scopes,
    IGoHighLevelClient ghl,
    IOptions<ProspectingOptions> prospecting,
    IOptions<GhlSettingsOptions> settings,
    TimeProvider time)
{
    public const string NoListingFeed = "no listing feed configured and no listings imported for this location (sdr:listings:feeds, sdr import-listings)";
    public const string NoPipelineStages = "no pipeline stage configured (SDR_PIPELINE_STAGE_IDS or sdr:prospecting:ghl_pipeline_stage_ids)";

    /// <summary>The candidates of one source; a failure of the source is returned as its error, never thrown.</summary>
    public async Task<SourceRead> ReadAsync(string locationId, string source, int maxPerSource, CancellationToken cancellationToken = default)
    {
        try
        {
            return source switch
            {
                ProspectSources.GhlPipeline => await PipelineAsync(locationId, cancellationToken),
                ProspectSources.StaleLead => await StaleAsync(locationId, cancellationToken),
                ProspectSources.ExpiredMls or ProspectSources.Fsbo => await ListingsAsync(locationId, source, maxPerSource, cancellationToken),
                _ => new SourceRead(source, [], $"unknown source '{source}'"),
            };
        }
        catch (GhlApiException exception)
        {
            return new SourceRead(source, [], exception.Message);
        }
    }

    /// <summary>The stages of sdr:prospecting:ghl_pipeline_stage_ids and SDR_PIPELINE_STAGE_IDS together.</summary>
    public IReadOnlyList<string> PipelineStageIds() =>
        [.. prospecting.Value.GhlPipelineStageIds.Concat(settings.Value.PipelineStageIds).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal)];

    private async Task<SourceRead> PipelineAsync(string locationId, CancellationToken cancellationToken)
    {
        var stages = PipelineStageIds();
        if (stages.Count == 0)
        {
            return new SourceRead(ProspectSources.GhlPipeline, [], NoPipelineStages);
        }

        var found = new List<FoundCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            foreach (var opportunity in await ghl.SearchOpenOpportunitiesAsync(locationId, stage, cancellationToken))
            {
                if (!seen.Add(opportunity.ContactId))
                {
                    continue;
                }

                var facts = new OpportunityFacts(
                    opportunity.Id,
                    opportunity.PipelineId,
                    opportunity.StageId ?? stage,
                    null,
                    opportunity.Status,
                    opportunity.MonetaryValue,
                    opportunity.LastStageChangeAt?.UtcDateTime);
                found.Add(new FoundCandidate(
                    opportunity.ContactId,
                    opportunity.ContactId,
                    null,
                    new CandidateFacts(opportunity.ContactPhone, null, null, null, null, null, new ProspectHints(Opportunity: facts))));
            }
        }

        return new SourceRead(ProspectSources.GhlPipeline, found);
    }

    private async Task<SourceRead> StaleAsync(string locationId, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-prospecting.Value.StaleLeadInactiveDays);

        // dateUpdated also moves with our own tag and DND writes, so it only narrows the search; the last message
        // (one paged read of the recent conversations, not one call per contact) and our own touches decide.
        var contacts = await ghl.SearchContactsUpdatedBeforeAsync(locationId, cutoff, cancellationToken);
        if (contacts.Count == 0)
        {
            return new SourceRead(ProspectSources.StaleLead, []);
        }

        var recentMessages = await ghl.GetLastMessageDatesSinceAsync(locationId, cutoff, cancellationToken);
        var touched = await TouchedSinceAsync(locationId, cutoff.UtcDateTime, cancellationToken);
        var found = contacts
            .Where(c => !recentMessages.ContainsKey(c.Id) && !touched.Contains(c.Id))
            .Select(c => new FoundCandidate(
                c.Id,
                c.Id,
                null,
                new CandidateFacts(
                    c.Phone,
                    c.Dnd,
                    c.DndSettings.ToDictionary(pair => pair.Key, pair => pair.Value.Status, StringComparer.OrdinalIgnoreCase),
                    c.State,
                    c.PostalCode,
                    c.City,
                    new ProspectHints(LastActivityAt: c.DateUpdated?.UtcDateTime))))
            .ToList();
        return new SourceRead(ProspectSources.StaleLead, found);
    }

    private async Task<HashSet<string>> TouchedSinceAsync(string locationId, DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var ids = await db.Touches.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.ReservedAt >= cutoff)
            .Select(t => t.ContactId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    private async Task<SourceRead> ListingsAsync(string locationId, string source, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IListingCandidates>() is not { } listings)
        {
            return new SourceRead(source, [], NoListingFeed);
        }

        var staged = await listings.ReadAsync(locationId, source, max, cancellationToken);
        var found = staged
            .Select(l => new FoundCandidate(
                $"listing:{l.ListingId}",
                l.ContactId,
                l.ListingId,
                new CandidateFacts(
                    l.OwnerPhone,
                    null,
                    null,
                    l.Facts.StateOrProvince,
                    l.Facts.PostalCode,
                    l.Facts.City,
                    new ProspectHints(Listing: l.Facts),
                    l)))
            .ToList();
        var feeds = scope.ServiceProvider.GetService<IOptions<ListingsOptions>>()?.Value.Feeds ?? [];
        var hasFeed = feeds.Any(f => f.LocationId == locationId && f.Source == source);
        return found.Count == 0 && !hasFeed ? new SourceRead(source, [], NoListingFeed) : new SourceRead(source, found);
    }
}
