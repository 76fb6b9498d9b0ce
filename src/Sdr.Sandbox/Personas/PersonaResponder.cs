using System.Collections.Concurrent;
using Sdr.Sandbox.Endpoints;

namespace Sdr.Sandbox.Personas;

/// <summary>
/// Answers the messages we send to persona contacts: the script picks the words at once (so quick
/// successive messages are answered in order), the answer lands in the conversation and goes out as
/// a signed InboundMessage webhook after the reply delay. Nothing is answered without a webhook target.
/// </summary>
internal sealed class PersonaResponder(SandboxState state, SandboxEventDispatcher dispatcher, SandboxWebhookSender webhooks, SandboxOptions options)
{
    private static readonly TimeSpan AutoResponderPause = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, PersonaMemory> _memories = new(StringComparer.Ordinal);

    public void MessageSent(SandboxMessage ours)
    {
        if (dispatcher.Target is not { } target || state.PersonaOf(ours.ContactId) is not { } persona)
        {
            return;
        }

        var text = Decide(persona, ours);
        if (text is null)
        {
            return;
        }

        dispatcher.Schedule(DelayFor(ours.Id), ours.ContactId, async ct =>
        {
            var conversation = state.GetOrCreateConversation(ours.LocationId, ours.ContactId);
            var answer = new SandboxMessage(
                state.NewId(), conversation.Id, ours.LocationId, ours.ContactId, MessageKinds.Sms, "inbound", text, null, "delivered", state.TimeProvider.GetUtcNow());
            conversation.Append(answer);
            state.Record(new PersonaReply(ours.LocationId, ours.ContactId, persona, text, answer.Id, ours.Id, answer.DateAdded));
            await dispatcher.DeliverAsync(
                "InboundMessage", ours.LocationId, ours.ContactId, answer.Id, target.Reply,
                t => webhooks.SendInboundMessageAsync(target.Reply, answer, target.SendOptions, t), ct);
        });
    }

    private string? Decide(SandboxPersona persona, SandboxMessage ours)
    {
        var body = ours.Body ?? "";
        if (persona == SandboxPersona.Silent
            || (persona != SandboxPersona.AutoResponder && body.Contains("unsubscribed", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var memory = _memories.GetOrAdd(ours.ContactId, static _ => new PersonaMemory());
        var now = state.TimeProvider.GetUtcNow();
        lock (memory.Sync)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (memory.Day != today)
            {
                memory.Day = today;
                memory.AnswersToday = 0;
            }

            if (memory.AnswersToday >= options.PersonaMaxAnswersPerDay
                || (persona == SandboxPersona.AutoResponder && memory.LastAnswerAt is { } last && now - last < AutoResponderPause))
            {
                return null;
            }

            var text = PersonaScripts.Answer(persona, memory, body);
            if (text is not null)
            {
                memory.AnswersToday++;
                memory.LastAnswerAt = now;
            }

            return text;
        }
    }

    // The same message id always waits the same time, so a run can be repeated.
    private TimeSpan DelayFor(string messageId)
    {
        var jitterTicks = Math.Max(options.PersonaReplyJitter.Ticks, 0);
        if (jitterTicks == 0)
        {
            return options.PersonaReplyDelay;
        }

        var hash = 2166136261u;
        foreach (var c in messageId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return options.PersonaReplyDelay + TimeSpan.FromTicks((long)(hash % (ulong)jitterTicks));
    }
}
