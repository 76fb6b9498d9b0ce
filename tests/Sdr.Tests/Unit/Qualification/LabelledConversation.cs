using Sdr.Core.Qualification;

namespace Sdr.Tests.Unit.Qualification;

/// <summary>A conversation as a real prospect would text it, with what a team lead would decide about it.</summary>
public sealed record LabelledConversation(string Name, string[] Lines, bool Passed, bool Hot, string LeadType, string? Hint = null)
{
    public ProspectContext Context => Hint is null ? ProspectContext.None : new ProspectContext(Hint, "ghl_pipeline", []);

    public override string ToString() => Name;
}
