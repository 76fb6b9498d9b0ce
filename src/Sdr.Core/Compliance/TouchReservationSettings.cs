namespace Sdr.Core.Compliance;

/// <summary>
/// How long a reserved touch may wait for GHL's answer before it is taken for lost
/// (<c>sdr:sequence:reservation_timeout_minutes</c>, bound by the sequences that own the setting).
/// </summary>
public sealed record TouchReservationSettings(TimeSpan ReservationTimeout);
