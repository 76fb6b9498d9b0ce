using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sdr.Core.Security;

/// <summary>
/// EF Core converter storing a string column as a Fernet token (primary key of the ring, random IV);
/// reads tokens made with any key of the ring. Null stays null.
/// <code>builder.Property(x => x.MessageBody).HasConversion(new EncryptedStringConverter(ring));</code>
/// Tokens are randomized, so the column cannot be searched, compared or indexed by its plaintext.
/// A token is about 1.33 × (UTF-8 length rounded up to 16 + 73) characters: size columns accordingly.
/// </summary>
public sealed class EncryptedStringConverter : ValueConverter<string?, string?>
{
    public EncryptedStringConverter(FernetKeyRing keyRing, ConverterMappingHints? mappingHints = null)
        : base(
            plaintext => keyRing.EncryptString(plaintext),
            token => keyRing.DecryptString(token),
            mappingHints)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
    }
}
