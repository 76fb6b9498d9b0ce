using Sdr.Core.Phones;
namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// The states whose rules apply to a recipient: the contact's state and the state of the phone's
/// area code, both when they differ, because Florida and Oklahoma presume that a number with
/// their area code belongs to a resident. Empty when neither is known: the policy then applies
/// the strictest of all configured states.
/// </summary>
public sealed class RecipientStateResolver
{
    public IReadOnlyList<string> Resolve(RecipientInfo recipient)
    {
        var state = UsStates.Normalize(recipient.State);
        var phoneState = recipient.ResolvedPhone?.AreaState;
        return (state, phoneState) switch
        {
            (null, null) => [],
            (not null, null) => [state],
            (null, not null) => [phoneState],
            _ when state == phoneState => [state],
            _ => [state, phoneState],
        };
    }
}
