using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;

namespace Sdr.Core.Compliance;

/// <summary>One outbound touch on its way to GHL.</summary>
public sealed record OutboundRequest(
    SdrOutreachSequence Sequence,
    SequenceStep Step,
    Channel Channel,
    ComposedMessage Message,
    DateTime Now,
    bool IsCadenceTouch = true);
