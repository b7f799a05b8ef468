using System.Security.Cryptography;
using System.Text;

namespace EventContracts.Api.Auth;

/// <summary>
/// Makes key ids and secrets, and hashes and checks secrets. Secrets are 256 random bits, so a salted SHA-256 is the
/// right hash: a KDF (PBKDF2, Argon2) slows guessing of low-entropy passwords, but nothing guesses 2^256 secrets, and a
/// slow hash on every request would only cost CPU and hand a caller with bad keys a cheap way to load the server. The
/// salt keeps two hashes of one secret apart; the comparison runs in constant time.
/// </summary>
internal static class ApiKeySecret
{
    /// <summary>Every key id starts with this, so a leaked one is recognisable (and greppable by secret scanners).</summary>
    public const string IdPrefix = "evc_";

    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    /// <summary>A new public key id: <c>evc_</c> and 16 hex digits.</summary>
    public static string NewId() => IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A new secret: 256 random bits, base64url without padding (43 characters, no <c>:</c>).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    public static byte[] Hash(byte[] salt, string secret)
    {
        var text = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    public static bool Matches(byte[] salt, byte[] hash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), hash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
