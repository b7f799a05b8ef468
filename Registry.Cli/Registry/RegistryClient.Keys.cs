using EventContracts.Client;
using EventContracts.Keys;

namespace EventContracts.Cli.Registry;

/// <summary>API key management, <c>/v1/keys</c> (admin keys only; docs/security.md).</summary>
internal sealed partial class RegistryClient
{
    /// <summary><c>POST /v1/keys</c>: the new key and, this once, its secret.</summary>
    public Task<RegistryResponse<CreatedApiKey>> CreateKeyAsync(ApiKeyRequest request, CancellationToken cancellationToken) =>
        PostAsync<CreatedApiKey>("v1/keys", request, cancellationToken);

    /// <summary><c>GET /v1/keys</c>: every key, revoked ones included, oldest first; never a secret.</summary>
    public Task<RegistryResponse<List<ApiKeyInfo>>> ListKeysAsync(CancellationToken cancellationToken) =>
        GetAsync<List<ApiKeyInfo>>("v1/keys", cancellationToken);

    /// <summary><c>DELETE /v1/keys/{id}</c>: the revoked key; 404 (no such key) and 409 (the last admin key) throw.</summary>
    public Task<RegistryResponse<ApiKeyInfo>> RevokeKeyAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<ApiKeyInfo>(HttpMethod.Delete, $"v1/keys/{Segment(id)}", null, cancellationToken);
}
