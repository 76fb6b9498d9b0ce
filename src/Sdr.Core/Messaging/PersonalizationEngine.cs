using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// Builds each touch's text from templates and the prospect's facts. SMS are fitted into one
/// segment; the first text names the sender and says how to opt out.
/// </summary>
public sealed class PersonalizationEngine(IOptions<MessagingOptions> options)
{
    private readonly MessagingOptions _options = options.Value;

    public ComposedMessage Compose(SequenceStep step, Channel channel, string variant, ProspectFacts facts)
    {
        if (channel == Channel.Voicemail)
        {
            // The recording lives in the GHL voicemail-drop workflow; we only record what was triggered.
            return new ComposedMessage($"voicemail drop ({step.ToName()}) through the GHL workflow");
        }

        var template = MessageTemplates.For(variant, step);
        var body = Fill(template.Body, facts);
        return channel switch
        {
            Channel.Sms => new ComposedMessage(ComposeSms(step, body, facts)),
            Channel.Email => new ComposedMessage(body, Fill(template.Subject ?? "Following up", facts)),
            _ => new ComposedMessage(body),
        };
    }

    private string ComposeSms(SequenceStep step, string body, ProspectFacts facts)
    {
        var greeting = string.IsNullOrWhiteSpace(facts.FirstName) ? "Hi," : $"Hi {facts.FirstName.Trim()},";
        var isFirstText = step == SequenceStep.Sms1;
        var opening = isFirstText
            ? $"{greeting} this is {_options.SenderName} with {_options.CompanyName}."
            : $"{greeting} {_options.SenderName} here.";
        try
        {
            return SmsComposer.Compose(opening, body, isFirstText ? _options.OptOutNotice : null);
        }
        catch (InvalidOperationException)
        {
            // A very long first name: drop it rather than the sender or the notice.
            var plain = isFirstText ? $"Hi, this is {_options.SenderName} with {_options.CompanyName}." : $"Hi, {_options.SenderName} here.";
            return SmsComposer.Compose(plain, body, isFirstText ? _options.OptOutNotice : null);
        }
    }

    /// <summary>Fills {first_name} ("there" when none), {sender_name} and {company}: the one way every template is filled.</summary>
    public string Fill(string text, ProspectFacts facts) => text
        .Replace("{first_name}", string.IsNullOrWhiteSpace(facts.FirstName) ? "there" : facts.FirstName.Trim(), StringComparison.Ordinal)
        .Replace("{sender_name}", _options.SenderName, StringComparison.Ordinal)
        .Replace("{company}", _options.CompanyName, StringComparison.Ordinal);
}
