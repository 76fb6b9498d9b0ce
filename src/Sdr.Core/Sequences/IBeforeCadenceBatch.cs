namespace Sdr.Core.Sequences;

/// <summary>
/// Work a feature above the cadence runs before each batch claims its due touches (the agent hands quiet
/// conversations back to the cadence), so the touches it makes due go out in the same batch. Runs in a scope
/// of its own; a failure is logged and the batch goes on.
/// </summary>
public interface IBeforeCadenceBatch
{
    /// <summary>Returns how many sequences it made due again.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
