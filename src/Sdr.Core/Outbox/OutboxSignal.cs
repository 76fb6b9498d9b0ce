namespace Sdr.Core.Outbox;

/// <summary>Wakes the outbox worker when a GHL write (DND, tag) was queued here.</summary>
public sealed class OutboxSignal : WorkSignal;
