using Microsoft.Extensions.Logging;

namespace Sdr.Tests.Unit.GoHighLevel;

internal sealed record LogEntry(LogLevel Level, string Message);

/// <summary>Keeps formatted log lines so tests can check alerts and that no secret leaks.</summary>
internal sealed class RecordingLogger<T>(List<LogEntry> sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (sink)
        {
            sink.Add(new LogEntry(logLevel, formatter(state, exception)));
        }
    }
}
