namespace Sdr.Core.Messaging;

public sealed record ComposedMessage(string Body, string? Subject = null);
