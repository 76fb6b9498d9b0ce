using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary>
/// Whether traces and metrics go anywhere: only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without it
/// nothing is collected, and what only feeds a trace (an activity and trace headers per GHL call) is not made.
/// </summary>
public static class TelemetryExport
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointKey]);
}
