using System.Net.Http.Headers;
using System.Text;

namespace EventContracts.Client;

/// <summary>
/// How the client proves who it is: HTTP Basic with an API key and secret (what Confluent clients send), or a
/// Bearer key. Immutable; the header value is computed once.
/// </summary>
public sealed class RegistryCredentials
{
    private RegistryCredentials(string scheme, string parameter, string? basicUserInfo)
    {
        Header = new AuthenticationHeaderValue(scheme, parameter);
        BasicUserInfo = basicUserInfo;
    }

    /// <summary>The <c>Authorization</c> header sent with every request.</summary>
    public AuthenticationHeaderValue Header { get; }

    /// <summary><c>key:secret</c> for Basic credentials (Confluent's <c>basic.auth.user.info</c>); null for Bearer.</summary>
    internal string? BasicUserInfo { get; }

    /// <summary>HTTP Basic credentials: <paramref name="key"/> and <paramref name="secret"/>, as a registry API key pair.</summary>
    /// <exception cref="ArgumentException">The key is empty or contains ':'.</exception>
    public static RegistryCredentials Basic(string key, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(secret);
        if (key.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("a Basic key cannot contain ':' (it separates the key from the secret)", nameof(key));
        }

        var userInfo = key + ":" + secret;
        return new RegistryCredentials("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)), userInfo);
    }

    /// <summary>A Bearer key, sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public static RegistryCredentials Bearer(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new RegistryCredentials("Bearer", key.Trim(), null);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Header.Scheme} (hidden)";
}
