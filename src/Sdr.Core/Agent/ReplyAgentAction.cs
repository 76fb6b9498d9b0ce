using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;

namespace Sdr.Core.Agent;

/// <summary>
/// Runs <see cref="SdrAgent.ProcessInboundReplyAsync"/> for a queued <see cref="SdrAgent.AnswerReplyKind"/> action on
/// the outbox's loop, in a scope of its own (the loop works on several contacts at once). An exception (GHL down
/// while reading history or booking) retries the whole reply later; a reply already handled is not handled again.
/// </summary>
public sealed class ReplyAgentAction(IServiceScopeFactory scopes) : IOutboxActionHandler
{
    public string Kind => SdrAgent.AnswerReplyKind;

    public async Task<string?> RunAsync(SdrGhlAction action, CancellationToken cancellationToken)
    {
        if (!long.TryParse(action.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var webhookEventId))
        {
            throw new InvalidOperationException("answer_reply action without a webhook event id");
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SdrAgent>().ProcessInboundReplyAsync(webhookEventId, cancellationToken);
        return null;
    }
}
