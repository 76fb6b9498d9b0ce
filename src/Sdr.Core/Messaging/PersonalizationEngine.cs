using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// Builds each touch's text from the templates of <c>config/templates/</c> (<see cref="MessageTemplates"/>) and the
/// prospect's facts. SMS are fitted into one segment; the first text names the sender and says how to opt out.
/// </summary>
public sealed partial class PersonalizationEngine(MessageTemplates templates, IOptions<MessagingOptions> options, TimeProvider time)
{
    private static readonly TemplateOptions RenderOptions = TemplateVariables.Options(strict: false);

    private readonly MessagingOptions _options = options.Value;

    public ComposedMessage Compose(SequenceStep step, Channel channel, string variant, ProspectFacts facts) => Finish(Draft(step, channel, variant, facts));

    /// <summary>The filled template of a touch, in its parts (opening, body, notice), before it is fitted into a message.</summary>
    public MessageDraft Draft(SequenceStep step, Channel channel, string variant, ProspectFacts facts)
    {
        if (channel == Channel.Voicemail)
        {
            // The recording lives in the GHL voicemail-drop workflow; we only record what was triggered.
            return new MessageDraft(step, channel, null, variant, null, $"voicemail drop ({step.ToName()}) through the GHL workflow", null, null, facts);
        }

        var template = templates.Find(facts.Source, variant, step)
            ?? throw new InvalidOperationException($"No template for step {step.ToName()} in {templates.Directory}.");
        return Draft(template, step, channel, variant, facts);
    }

    /// <summary>The draft of <paramref name="template"/> sent as <paramref name="step"/> on <paramref name="channel"/>.</summary>
    internal MessageDraft Draft(MessageTemplate template, SequenceStep step, Channel channel, string variant, ProspectFacts facts)
    {
        var model = TemplateVariables.Of(facts, _options, time.GetUtcNow().UtcDateTime);
        var body = Render(template.Body, model);
        if (channel == Channel.Sms)
        {
            var isFirstText = step == SequenceStep.Sms1;
            return new MessageDraft(step, channel, template, variant, Opening(step, facts.FirstName), OneLine(body), isFirstText ? _options.OptOutNotice : null, null, facts);
        }

        var subject = template.Subject is null ? "Following up" : OneLine(Render(template.Subject, model));
        return new MessageDraft(step, channel, template, variant, null, EmailBody(body), null, channel == Channel.Email ? subject : null, facts);
    }

    /// <summary>
    /// The message to send from a draft, with <paramref name="body"/> in place of the draft's when a language model
    /// rewrote it (<paramref name="model"/>). An SMS keeps its opening and notice whole and fits one segment.
    /// </summary>
    public ComposedMessage Finish(MessageDraft draft, string? body = null, string? model = null)
    {
        var text = body ?? draft.Body;
        var message = draft.Channel == Channel.Sms ? new ComposedMessage(ComposeSms(draft, text)) : new ComposedMessage(text, draft.Subject);
        return message with { TemplateId = draft.Template?.Id, TemplateVariant = draft.Template?.Variant, ComposedByModel = body is null ? null : model };
    }

    /// <summary>The SMS as sent when its body is exactly <paramref name="body"/>; null when it would have to be shortened.</summary>
    public string? WholeSms(MessageDraft draft, string body)
    {
        var sms = ComposeSms(draft, body);
        return sms.Contains(SmsEncoding.Normalize(body.Trim()), StringComparison.Ordinal) ? sms : null;
    }

    private string ComposeSms(MessageDraft draft, string body)
    {
        try
        {
            return SmsComposer.Compose(draft.Opening ?? string.Empty, body, draft.Notice);
        }
        catch (InvalidOperationException)
        {
            // A very long first name: drop it rather than the sender or the notice.
            return SmsComposer.Compose(Opening(draft.Step, null), body, draft.Notice);
        }
    }

    /// <summary>The first text names the sender and the company; later ones the sender.</summary>
    public string Opening(SequenceStep step, string? firstName)
    {
        var greeting = string.IsNullOrWhiteSpace(firstName) ? "Hi," : $"Hi {firstName.Trim()},";
        return step == SequenceStep.Sms1
            ? $"{greeting} this is {_options.SenderName} with {_options.CompanyName}."
            : $"{greeting} {_options.SenderName} here.";
    }

    /// <summary>Fills {first_name} ("there" when none), {sender_name} and {company} in the agent's answers (sdr:agent:answers).</summary>
    public string Fill(string text, ProspectFacts facts) => text
        .Replace("{first_name}", string.IsNullOrWhiteSpace(facts.FirstName) ? "there" : facts.FirstName.Trim(), StringComparison.Ordinal)
        .Replace("{sender_name}", _options.SenderName, StringComparison.Ordinal)
        .Replace("{company}", _options.CompanyName, StringComparison.Ordinal);

    internal static string Render(IFluidTemplate template, Dictionary<string, object?> model, TemplateOptions? options = null) =>
        template.Render(new TemplateContext(model, options ?? RenderOptions), NullEncoder.Default);

    internal static string OneLine(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>An email's body: lines trimmed at the end, at most one blank line in a row, no blank lines around it.</summary>
    private static string EmailBody(string text) => BlankLines().Replace(TrailingSpaces().Replace(text, string.Empty), "\n\n").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ \t]+(?=\n|$)")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

/// <summary>
/// A touch's filled template before it becomes a message: for an SMS the opening and notice the engine adds around
/// the template's <see cref="Body"/>; for an email its subject. <see cref="Template"/> is null for a voicemail drop.
/// </summary>
public sealed record MessageDraft(
    SequenceStep Step,
    Channel Channel,
    MessageTemplate? Template,
    string Variant,
    string? Opening,
    string Body,
    string? Notice,
    string? Subject,
    ProspectFacts Facts);
