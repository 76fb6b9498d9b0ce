using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

/// <summary>
/// The enums of the sequence state machine and of conversational messages, stored as the names the columns have always held
/// (<c>sms_1</c>, <c>nurture_pause</c>, <c>reserved</c>, <c>deferred</c>), so stored data and raw SQL
/// keep their meaning. LINQ comparisons with these properties go through the converter.
/// </summary>
internal static class StoredNameConverters
{
    public static readonly ValueConverter<SequenceStep, string> Step =
        new(step => step.ToName(), name => SequenceStepNames.Parse(name));

    public static readonly ValueConverter<TouchStatus, string> TouchStatus =
        new(status => status.ToName(), name => TouchStatusNames.Parse(name));

    public static readonly ValueConverter<DecisionOutcome, string> Outcome =
        new(outcome => outcome.ToName(), name => DecisionOutcomeNames.Parse(name));

    public static readonly ValueConverter<MessagePurpose, string> Purpose =
        new(purpose => purpose.ToName(), name => MessagePurposeNames.Parse(name));

    public static readonly ValueConverter<OutboundMessageStatus, string> MessageStatus =
        new(status => status.ToName(), name => OutboundMessageStatusNames.Parse(name));

    public static readonly ValueConverter<Channel, string> Channel =
        new(channel => channel.ToName(), name => ChannelNames.ParseChannel(name));

    public static readonly ValueConverter<AlertDelivery, string> AlertDelivery =
        new(delivery => delivery.ToName(), name => AlertNames.ParseDelivery(name));

    public static readonly ValueConverter<ListingState, string> ListingState =
        new(state => state.ToName(), name => ListingStateNames.Parse(name));
}
