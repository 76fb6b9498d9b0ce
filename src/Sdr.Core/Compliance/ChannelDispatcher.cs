using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Compliance;

/// <summary>Turns a touch into the one GHL call for its channel.</summary>
public sealed class ChannelDispatcher(IGoHighLevelClient ghl, IOptions<GhlSettingsOptions> settings)
{
    private readonly GhlSettingsOptions _settings = settings.Value;

    /// <summary>Why the channel cannot be used with this configuration, or null when it can.</summary>
    public string? Unavailable(SequenceStep? step, Channel channel) => channel switch
    {
        Channel.Voicemail when _settings.WorkflowVoicemailDrop is null =>
            "SDR_WORKFLOW_VOICEMAIL_DROP is not set: GHL has no voicemail API, drops go through a workflow",
        Channel.None => step is { } cadenceStep ? $"step {cadenceStep.ToName()} has no channel" : "the message has no channel",
        _ => null,
    };

    /// <summary>Makes the GHL call and returns GHL's message id (or a workflow marker).</summary>
    public async Task<string> SendAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var workflow = WorkflowFor(request.Step, request.Channel);
        if (workflow is not null)
        {
            await ghl.TriggerWorkflowAsync(request.LocationId, request.ContactId, workflow, cancellationToken);
            return $"workflow:{workflow}";
        }

        var type = request.Channel == Channel.Email ? GhlMessageType.Email : GhlMessageType.Sms;
        var result = await ghl.SendMessageAsync(
            request.LocationId,
            new GhlOutboundMessage(type, request.ContactId, request.Message.Body, request.Message.Subject),
            cancellationToken);
        return result.MessageId;
    }

    /// <summary>True when the step goes out by workflow enrolment, which leaves nothing to find in the conversation history.</summary>
    public bool SendsThroughWorkflow(SequenceStep step, Channel channel) => WorkflowFor(step, channel) is not null;

    private string? WorkflowFor(SequenceStep? step, Channel channel) => (step, channel) switch
    {
        (_, Channel.Voicemail) => _settings.WorkflowVoicemailDrop,
        (SequenceStep.Sms1, Channel.Sms) => _settings.WorkflowSms1,
        (SequenceStep.Email1, Channel.Email) => _settings.WorkflowEmail1,
        _ => null,
    };
}
