using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Tests.Unit.Sequences;

public sealed class SequenceStepNamesTests
{
    [Fact]
    public void Cadence_FollowsTheSeedOrder_StoredLowerCase()
    {
        var walked = new List<string>();
        SequenceStep? step = SequenceStep.Enrolled;
        while ((step = step.Value.NextCadenceStep()) is { } next)
        {
            walked.Add(next.ToName());
        }

        walked.ShouldBe(["sms_1", "email_1", "sms_2", "voicemail_1", "email_2", "sms_3", "voicemail_2", "nurture_pause"]);
        SequenceStepNames.Parse("OPTED_OUT").ShouldBe(SequenceStep.OptedOut);
        SequenceStep.OptedOut.IsTerminal().ShouldBeTrue();
        SequenceStep.NurturePause.IsTerminal().ShouldBeFalse();
    }
}
