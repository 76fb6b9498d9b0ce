using Fluid;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// Stops start-up when a template cannot be used: a syntax error, an unknown variable or filter, a file for an unknown
/// step or in the wrong place, a missing step of the fallback variant, a template that fails to render, or an SMS that
/// cannot fit one segment with its opening and opt-out notice when filled with long but realistic values. Each problem
/// names its file and line.
/// </summary>
public sealed class MessageTemplatesValidator : IValidateOptions<MessagingOptions>
{
    private static readonly TemplateOptions Strict = TemplateVariables.Options(strict: true);

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TemplatesDir) || string.IsNullOrWhiteSpace(options.FallbackVariant))
        {
            return ValidateOptionsResult.Skip; // the data annotations name the missing key
        }

        // The clock only dates the sample's last activity: the system's is as good as any here.
        var problems = Check(MessageTemplates.Load(options.ResolveTemplatesDir(), options.FallbackVariant), options, TimeProvider.System);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    /// <summary>What <see cref="MessageTemplates.Load"/> found, and what filling each template shows.</summary>
    public static IReadOnlyList<TemplateProblem> Check(MessageTemplates templates, MessagingOptions options, TimeProvider time)
    {
        var problems = templates.Problems.ToList();
        var engine = new PersonalizationEngine(templates, Options.Create(options), time);
        var now = time.GetUtcNow().UtcDateTime;
        ProspectFacts[] samples = [TemplateVariables.LongSample, new ProspectFacts(null, "ambiguous", "manual")];
        var refused = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var template in templates.All.Where(t => !refused.Contains(t.Path)))
        {
            foreach (var facts in samples)
            {
                var sample = template.Source is null ? facts : facts with { Source = template.Source };
                if (Render(template, sample, options, now) is { } failure)
                {
                    problems.Add(failure);
                    break;
                }

                if (template.Channel == Channel.Sms && TooLong(engine, template, sample) is { } tooLong)
                {
                    problems.Add(tooLong);
                    break;
                }
            }
        }

        return problems;
    }

    private static TemplateProblem? Render(MessageTemplate template, ProspectFacts facts, MessagingOptions options, DateTime now)
    {
        var model = TemplateVariables.Of(facts, options, now);
        foreach (var (part, line) in new[] { (template.Subject, template.SubjectLine), (template.Body, template.BodyFirstLine) })
        {
            try
            {
                if (part is not null && string.IsNullOrWhiteSpace(PersonalizationEngine.Render(part, model, Strict)) && part == template.Body)
                {
                    return new TemplateProblem(template.Path, line, "the template renders to nothing" + Describe(facts));
                }
            }
            catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or FormatException)
            {
                return new TemplateProblem(template.Path, line, $"the template fails to render{Describe(facts)}: {e.Message}");
            }
        }

        return null;
    }

    private static TemplateProblem? TooLong(PersonalizationEngine engine, MessageTemplate template, ProspectFacts facts)
    {
        var draft = engine.Draft(template, template.Step, Channel.Sms, template.Variant, facts);
        var body = draft.Body;
        if (engine.WholeSms(draft, body) is not null)
        {
            return null;
        }

        var whole = string.Join(' ', new[] { draft.Opening, body, draft.Notice }.Where(p => !string.IsNullOrEmpty(p)));
        var measure = SmsEncoding.Measure(SmsEncoding.Normalize(whole));
        var parts = draft.Notice is null ? "its opening" : "its opening and opt-out notice";
        return new TemplateProblem(template.Path, template.BodyFirstLine,
            $"the SMS does not fit one segment: {measure.Length} characters with {parts}{Describe(facts)}, one segment holds {measure.SingleSegmentLimit}; shorten the copy");
    }

    private static string Describe(ProspectFacts facts) =>
        facts.Profile is null ? " (filled with no first name and no profile)" : $" (filled with long but realistic values: first_name '{facts.FirstName}', address '{facts.Profile.Address}', city '{facts.Profile.City}')";
}
