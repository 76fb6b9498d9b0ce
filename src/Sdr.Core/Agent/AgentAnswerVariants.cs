using Microsoft.Extensions.Options;
using Sdr.Core.Experiments;

namespace Sdr.Core.Agent;

/// <summary>The agent's answers per variant (<c>sdr:agent:answers</c>), as A/B tests ask whether a variant has copy.</summary>
internal sealed class AgentAnswerVariants(IOptions<AgentOptions> options) : IVariantTemplates
{
    public bool HasTemplates(string variant) =>
        variant != "default" && options.Value.Answers.Values.Any(byVariant => byVariant.ContainsKey(variant));
}
