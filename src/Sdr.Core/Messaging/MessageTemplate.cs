using Fluid;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// One template file of <c>config/templates/</c>: the copy of a step for a variant, and for a source when
/// <see cref="Source"/> is set. <see cref="Id"/> is its path without the extension (<c>sources/fsbo/direct/sms_1</c>),
/// what every touch sent from it stores.
/// </summary>
public sealed record MessageTemplate(
    string Id,
    string Path,
    string Variant,
    string? Source,
    SequenceStep Step,
    Channel Channel,
    IFluidTemplate Body,
    IFluidTemplate? Subject,
    int BodyFirstLine,
    int SubjectLine);

/// <summary>A template file that cannot be used: where (file and line, 1-based) and why.</summary>
public sealed record TemplateProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
