namespace Sdr.Core.Listings;

/// <summary>A RESO feed could not be read: no answer after the retries, a refused token, a bad page, or a nextLink that loops.</summary>
public sealed class ResoFeedException(string message, Exception? innerException = null) : Exception(message, innerException);
