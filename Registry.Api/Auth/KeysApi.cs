using EventContracts.Api.Confluent;
using EventContracts.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventContracts.Api.Auth;

/// <summary><c>/v1/keys</c>: create (the secret is answered once), list (never a secret), revoke. Admins only.</summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/keys").WithTags("Keys").ForAdmins();
        keys.MapPost("/", Create)
            .WithSummary("Creates an API key and answers its secret, this once (201). While no key exists the first must be an admin key.")
            .Accepts<ApiKeyRequest>("application/json", "*/*")
            .ProducesProblem(400);
        keys.MapGet("/", List).WithSummary("Lists the API keys, revoked ones included, oldest first; secrets are never answered.");
        keys.MapDelete("/{id}", Revoke)
            .WithSummary("Revokes an API key (again is fine); refuses the last admin key that is not revoked (409).")
            .ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<Created<CreatedApiKey>> Create(HttpRequest request, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<ApiKeyRequest>(request);
        var created = await keys.CreateAsync(body, cancellationToken);
        return TypedResults.Created($"/v1/keys/{created.Key.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> List(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Ok<ApiKeyInfo>> Revoke(string id, ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.RevokeAsync(id, cancellationToken));
}
