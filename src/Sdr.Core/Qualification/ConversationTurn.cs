namespace Sdr.Core.Qualification;

/// <summary>
/// One message of the conversation, ours or the prospect's. <paramref name="Source"/> is where it came
/// from: <c>touch</c> (a cadence touch), <c>reply</c> (a stored reply or answer) or <c>ghl</c> (GHL's
/// conversation history, de-duplicated against our own rows by the caller).
/// </summary>
public sealed record ConversationTurn(bool FromProspect, string Text, DateTime At, string Source);
