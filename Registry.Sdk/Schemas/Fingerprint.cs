using System.Security.Cryptography;
using System.Text;

namespace EventContracts.Schemas;

/// <summary>
/// The SHA-256 of a schema's canonical text, as 64 lower-case hex digits. Two schemas with the same
/// fingerprint are the same contract; the registry uses it for idempotent registration and caching.
/// </summary>
public readonly record struct Fingerprint
{
    private Fingerprint(string hex) => Hex = hex;

    /// <summary>The 64 lower-case hex digits.</summary>
    public string Hex { get; }

    /// <summary>Fingerprints the UTF-8 bytes of <paramref name="canonicalText"/>.</summary>
    public static Fingerprint Of(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        return OfUtf8(Encoding.UTF8.GetBytes(canonicalText));
    }

    /// <summary>Fingerprints canonical text already encoded as UTF-8.</summary>
    internal static Fingerprint OfUtf8(ReadOnlySpan<byte> canonicalUtf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalUtf8, hash);
        return new Fingerprint(Convert.ToHexStringLower(hash));
    }

    /// <summary>Reads 64 hex digits back into a fingerprint; returns false for anything else.</summary>
    public static bool TryParse(string? hex, out Fingerprint fingerprint)
    {
        fingerprint = default;
        if (hex is null || hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }

        fingerprint = new Fingerprint(hex.ToLowerInvariant());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Hex ?? string.Empty;
}
