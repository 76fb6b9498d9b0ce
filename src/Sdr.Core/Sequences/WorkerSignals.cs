using Sdr.Core.Outbox;

namespace Sdr.Core.Sequences;

/// <summary>
/// Wakes the cadence worker: enrolment pokes it when a first touch is due now, so a single manual enrolment gets
/// its SMS_1 within seconds rather than at the next cron interval.
/// </summary>
public sealed class CadenceWakeSignal : WorkSignal;

/// <summary>Wakes the enrolment job worker when this instance has stored a new job.</summary>
public sealed class EnrollmentJobSignal : WorkSignal;
