namespace Sdr.Core.Configuration;

/// <summary>The seed's GHL settings, read from SDR_WORKFLOW_SMS_1 and friends.</summary>
public sealed class GhlSettingsOptions
{
    public string? WorkflowSms1 { get; set; }
    public string? WorkflowEmail1 { get; set; }
    public string? WorkflowVoicemailDrop { get; set; }
    public string? CalendarId { get; set; }
    public List<string> PipelineStageIds { get; set; } = [];

    /// <summary>Reads the SDR_* variables (via any configuration source) into these options.</summary>
    public void ReadFrom(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        WorkflowSms1 = NullIfEmpty(configuration["SDR_WORKFLOW_SMS_1"]);
        WorkflowEmail1 = NullIfEmpty(configuration["SDR_WORKFLOW_EMAIL_1"]);
        WorkflowVoicemailDrop = NullIfEmpty(configuration["SDR_WORKFLOW_VOICEMAIL_DROP"]);
        CalendarId = NullIfEmpty(configuration["SDR_CALENDAR_ID"]);
        PipelineStageIds = (configuration["SDR_PIPELINE_STAGE_IDS"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
