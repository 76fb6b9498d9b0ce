using Sdr.Core.Outbox;

namespace Sdr.Core.Compliance.Conversations;

/// <summary>Wakes the outbound message worker when a conversational message (a STOP confirmation first of all) was queued here.</summary>
public sealed class OutboundMessageSignal : WorkSignal;
