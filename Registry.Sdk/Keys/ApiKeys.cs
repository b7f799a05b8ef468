using System.Text.Json.Serialization;

namespace EventContracts.Keys;

/// <summary>What an API key may do (DESIGN §13). Each role includes the ones before it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyRole>))]
public enum ApiKeyRole
{
    /// <summary>Reads everything and runs the stateless checks (compatibility, lint, diff, can-i-deploy).</summary>
    [JsonStringEnumMemberName("reader")]
    Reader,

    /// <summary>A reader that also registers and deletes schemas, sets subject config and mode, and records releases and deployments.</summary>
    [JsonStringEnumMemberName("writer")]
    Writer,

    /// <summary>A writer on every subject that also sets the global config and mode and manages keys.</summary>
    [JsonStringEnumMemberName("admin")]
    Admin,
}

/// <summary>The wire names of <see cref="ApiKeyRole"/>: <c>reader</c>, <c>writer</c>, <c>admin</c>.</summary>
public static class ApiKeyRoles
{
    /// <summary>The lower-case name the API, the CLI and the key store use.</summary>
    public static string ToWireName(this ApiKeyRole role) => role switch
    {
        ApiKeyRole.Reader => "reader",
        ApiKeyRole.Writer => "writer",
        ApiKeyRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    /// <summary>Parses a wire name, ignoring case and surrounding white space; false for anything else.</summary>
    public static bool TryParse(string? text, out ApiKeyRole role)
    {
        foreach (var candidate in Enum.GetValues<ApiKeyRole>())
        {
            if (string.Equals(text?.Trim(), candidate.ToWireName(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}

/// <summary>Body of <c>POST /v1/keys</c>.</summary>
/// <remarks>Scopes: subject prefixes a writer key is limited to (e.g. <c>order.</c>); null or empty for every subject.</remarks>
public sealed record ApiKeyRequest(
    [property: JsonPropertyName("role")] ApiKeyRole? Role,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes = null,
    [property: JsonPropertyName("description")] string? Description = null);

/// <summary>An API key as <c>GET /v1/keys</c> lists it: never its secret, which the registry does not keep.</summary>
/// <remarks>Scopes: the subject prefixes a writer key may change; empty for every subject.</remarks>
public sealed record ApiKeyInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("role")] ApiKeyRole Role,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("revokedAt")] DateTimeOffset? RevokedAt);

/// <summary>
/// The answer to <c>POST /v1/keys</c>: the key and, this once, its secret. <see cref="Token"/> is <c>id:secret</c>, what
/// to send as a bearer token or as HTTP Basic user and password.
/// </summary>
public sealed record CreatedApiKey(
    [property: JsonPropertyName("key")] ApiKeyInfo Key,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("token")] string Token);
