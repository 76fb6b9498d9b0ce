using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// The templates of <c>config/templates/</c>, parsed once: <c>{variant}/{step}.liquid</c>, and
/// <c>sources/{source}/{variant}/{step}.liquid</c> for a source's own copy (expired_mls, fsbo). An email template
/// starts with a front matter that holds its subject (<c>---</c>, <c>subject: ...</c>, <c>---</c>). Loading reports
/// every file that cannot be used (<see cref="Problems"/>), by file and line.
/// </summary>
public sealed partial class MessageTemplates
{
    public const string Extension = ".liquid";
    public const string SourcesFolder = "sources";

    /// <summary>The steps that have copy, and the channel each one's template is written for.</summary>
    public static readonly IReadOnlyDictionary<SequenceStep, Channel> Steps = new Dictionary<SequenceStep, Channel>
    {
        [SequenceStep.Sms1] = Channel.Sms,
        [SequenceStep.Email1] = Channel.Email,
        [SequenceStep.Sms2] = Channel.Sms,
        [SequenceStep.Email2] = Channel.Email,
        [SequenceStep.Sms3] = Channel.Sms,
        [SequenceStep.NurturePause] = Channel.Sms,
    };

    // Statement locations are how a problem is given its line; Fluid marks them as still under evaluation (FLUID001).
#pragma warning disable FLUID001
    private static readonly FluidParser Parser = new(new FluidParserOptions { TrackStatementLocations = true });
#pragma warning restore FLUID001

    private readonly Dictionary<(string? Source, string Variant, SequenceStep Step), MessageTemplate> _templates;

    private MessageTemplates(string directory, string fallbackVariant, Dictionary<(string?, string, SequenceStep), MessageTemplate> templates, IReadOnlyList<TemplateProblem> problems)
    {
        Directory = directory;
        FallbackVariant = fallbackVariant;
        _templates = templates;
        Problems = problems;
    }

    public string Directory { get; }

    /// <summary>The variant whose copy a step falls back to when the sequence's variant has no file for it.</summary>
    public string FallbackVariant { get; }

    public IReadOnlyList<TemplateProblem> Problems { get; }

    public IEnumerable<MessageTemplate> All => _templates.Values;

    /// <summary>True when <paramref name="variant"/> has a file of its own for at least one step (for any source).</summary>
    public bool HasVariant(string variant) => _templates.Keys.Any(k => k.Variant == variant);

    /// <summary>
    /// The template for a step: the source's own copy of the variant, else the variant's, else the source's copy of the
    /// fallback variant, else the fallback variant's; null when none exists (the start-up check prevents that).
    /// </summary>
    public MessageTemplate? Find(string? source, string variant, SequenceStep step)
    {
        (string?, string, SequenceStep)[] keys =
        [
            (source, variant, step),
            (null, variant, step),
            (source, FallbackVariant, step),
            (null, FallbackVariant, step),
        ];
        foreach (var key in keys)
        {
            if ((key.Item1 is null || !string.IsNullOrEmpty(source)) && _templates.TryGetValue(key, out var template))
            {
                return template;
            }
        }

        return null;
    }

    /// <summary>Reads and parses every template under <paramref name="directory"/>; what cannot be used is in <see cref="Problems"/>.</summary>
    public static MessageTemplates Load(string directory, string fallbackVariant)
    {
        var problems = new List<TemplateProblem>();
        var templates = new Dictionary<(string?, string, SequenceStep), MessageTemplate>();
        if (!System.IO.Directory.Exists(directory))
        {
            problems.Add(new TemplateProblem(directory, 0, "the templates folder does not exist (sdr:messaging:templates_dir)"));
            return new MessageTemplates(directory, fallbackVariant, templates, problems);
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.EndsWith(Extension, StringComparison.Ordinal))
            {
                if (!relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new TemplateProblem(path, 0, $"not a template: template files end with {Extension}"));
                }

                continue;
            }

            if (Read(path, relative, problems) is { } template)
            {
                templates[(template.Source, template.Variant, template.Step)] = template;
            }
        }

        foreach (var (step, _) in Steps)
        {
            var expected = Path.Combine(directory, fallbackVariant, step.ToName() + Extension);
            if (!templates.ContainsKey((null, fallbackVariant, step)) && !File.Exists(expected))
            {
                problems.Add(new TemplateProblem(expected, 0,
                    $"missing: the fallback variant '{fallbackVariant}' (sdr:messaging:fallback_variant) needs a template for every step ({string.Join(", ", Steps.Keys.Select(s => s.ToName()))})"));
            }
        }

        return new MessageTemplates(directory, fallbackVariant, templates, problems);
    }

    private static MessageTemplate? Read(string path, string relative, List<TemplateProblem> problems)
    {
        var parts = relative[..^Extension.Length].Split('/');
        string? source;
        string variant;
        string stepName;
        switch (parts)
        {
            case [var v, var s] when v != SourcesFolder:
                (source, variant, stepName) = (null, v, s);
                break;
            case [SourcesFolder, var src, var v, var s]:
                (source, variant, stepName) = (src, v, s);
                break;
            default:
                problems.Add(new TemplateProblem(path, 0, $"not where a template goes: use {{variant}}/{{step}}{Extension} or {SourcesFolder}/{{source}}/{{variant}}/{{step}}{Extension}"));
                return null;
        }

        if (!Name().IsMatch(variant) || (source is not null && !Name().IsMatch(source)))
        {
            problems.Add(new TemplateProblem(path, 0, "variant and source folders are lowercase names (letters, digits, '_' or '-')"));
            return null;
        }

        if (!SequenceStepNames.TryParse(stepName, out var step) || !Steps.TryGetValue(step, out var channel))
        {
            var hint = step is SequenceStep.Voicemail1 or SequenceStep.Voicemail2
                ? "a voicemail drop is the GHL workflow's recording and has no template"
                : $"'{stepName}' is not a step with copy (known: {string.Join(", ", Steps.Keys.Select(s => s.ToName()))})";
            problems.Add(new TemplateProblem(path, 0, hint));
            return null;
        }

        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (subjectText, subjectLine, body, bodyFirstLine) = SplitFrontMatter(path, text, problems);
        if (subjectText is null && channel == Channel.Email)
        {
            problems.Add(new TemplateProblem(path, 1, "an email template needs a subject: start the file with '---', 'subject: ...', '---'"));
            return null;
        }

        if (subjectText is not null && channel != Channel.Email)
        {
            problems.Add(new TemplateProblem(path, subjectLine, "only an email template has a subject"));
            return null;
        }

        var bodyTemplate = Parse(path, body, bodyFirstLine, problems);
        var subjectTemplate = subjectText is null ? null : Parse(path, subjectText, subjectLine, problems);
        if (bodyTemplate is null || (subjectText is not null && subjectTemplate is null))
        {
            return null;
        }

        var id = relative[..^Extension.Length];
        return new MessageTemplate(id, path, variant, source, step, channel, bodyTemplate, subjectTemplate, bodyFirstLine, subjectLine);
    }

    /// <summary>The subject (and its line) from a leading <c>---</c> block, and the body after it with its first line.</summary>
    private static (string? Subject, int SubjectLine, string Body, int BodyFirstLine) SplitFrontMatter(string path, string text, List<TemplateProblem> problems)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (null, 0, text, 1);
        }

        string? subject = null;
        var subjectLine = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == "---")
            {
                return (subject, subjectLine, string.Join('\n', lines.Skip(i + 1)), i + 2);
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? line.Trim() : line[..colon].Trim();
            if (key != "subject")
            {
                problems.Add(new TemplateProblem(path, i + 1, $"unknown front matter key '{key}' (known: subject)"));
                continue;
            }

            subject = line[(colon + 1)..].Trim();
            subjectLine = i + 1;
        }

        problems.Add(new TemplateProblem(path, 1, "the front matter opened with '---' is never closed"));
        return (subject, subjectLine, string.Empty, lines.Length + 1);
    }

    private static IFluidTemplate? Parse(string path, string text, int firstLine, List<TemplateProblem> problems)
    {
        try
        {
            var template = Parser.Parse(text);
            foreach (var (offset, message) in UnknownNames.Find(template))
            {
                problems.Add(new TemplateProblem(path, firstLine + LineOf(text, offset) - 1, message));
            }

            return template;
        }
        catch (ParseException e)
        {
            var line = e.Position is { } position ? firstLine + position.Line - 1 : firstLine;
            var column = e.Position is { } at ? $" (column {at.Column})" : string.Empty;
            var message = e.Message.Split("\nSource:", 2)[0].Trim();
            problems.Add(new TemplateProblem(path, line, $"syntax error{column}: {message}"));
            return null;
        }
    }

    private static int LineOf(string text, int offset) =>
        offset < 0 ? 1 : 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex Name();

    /// <summary>Variables the templates do not know and filters Liquid does not have, with the offset of the tag that names them.</summary>
    private sealed class UnknownNames : AstVisitor
    {
        private static readonly TemplateOptions Filters = TemplateVariables.Options(strict: true);
        private static readonly HashSet<string> Known = new(TemplateVariables.Names, StringComparer.Ordinal) { "forloop", "empty", "blank", "nil", "null", "true", "false" };

        private readonly List<(int Offset, string Message)> _found = [];
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
        private readonly Stack<int> _offsets = new();

        public static IReadOnlyList<(int Offset, string Message)> Find(IFluidTemplate template)
        {
            var visitor = new UnknownNames();
            visitor.VisitTemplate(template);
            return visitor._found;
        }

        public override Statement Visit(Statement statement)
        {
#pragma warning disable FLUID001 // see Parser
            var offset = statement.SourceOffset;
#pragma warning restore FLUID001
            _offsets.Push(offset >= 0 ? offset : _offsets.TryPeek(out var outer) ? outer : -1);
            try
            {
                return base.Visit(statement);
            }
            finally
            {
                _offsets.Pop();
            }
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            _defined.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            _defined.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            _defined.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments is [IdentifierSegment first, ..] && !Known.Contains(first.Identifier) && !_defined.Contains(first.Identifier))
            {
                Add($"unknown variable '{first.Identifier}' (known: {string.Join(", ", TemplateVariables.Names)})");
            }

            return base.VisitMemberExpression(memberExpression);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!Filters.Filters.TryGetValue(filterExpression.Name, out _))
            {
                Add($"unknown filter '{filterExpression.Name}'");
            }

            return base.VisitFilterExpression(filterExpression);
        }

        private void Add(string message) => _found.Add((_offsets.TryPeek(out var offset) ? offset : -1, message));
    }
}
