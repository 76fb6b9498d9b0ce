namespace Sdr.Core.Experiments;

/// <summary>
/// Whether copy exists for a sequence variant: the cadence's templates, the agent's answers. The folders that
/// own templates implement it, so a test cannot name a variant that would silently fall back to other copy.
/// </summary>
public interface IVariantTemplates
{
    bool HasTemplates(string variant);
}
