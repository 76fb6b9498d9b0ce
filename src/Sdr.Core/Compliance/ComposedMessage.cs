namespace Sdr.Core.Compliance;

public sealed record ComposedMessage(string Body, string? Subject = null);
