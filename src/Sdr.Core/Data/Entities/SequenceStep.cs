namespace Sdr.Core.Data.Entities;

/// <summary>The seed's steps. Stored lower-case (<c>sms_1</c>, <c>opted_out</c>).</summary>
public enum SequenceStep
{
    Enrolled,
    Sms1,
    Email1,
    Sms2,
    Voicemail1,
    Email2,
    Sms3,
    Voicemail2,
    NurturePause,
    Qualified,
    Booked,
    Disqualified,
    OptedOut,
}
