using Sdr.Core.Experiments;

namespace Sdr.Core.Messaging;

/// <summary>The cadence's templates, as A/B tests ask whether a variant has copy.</summary>
internal sealed class MessageTemplateVariants(MessageTemplates templates) : IVariantTemplates
{
    public bool HasTemplates(string variant) => templates.HasVariant(variant);
}
