using System.Security.Claims;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace EventContracts.Api.Auth;

/// <summary>
/// Answers a refused request in the registry's error shapes: 401 (40101) with <c>WWW-Authenticate</c> when the caller
/// sent no valid key, 403 (40301) when the key's role or scopes do not allow the request; Confluent's body at the root,
/// problem details under <c>/v1</c>.
/// </summary>
internal sealed class AuthResults : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The handler ran once for this request already and answers its cached result: why the credentials failed.
            var authentication = await context.AuthenticateAsync(ApiKeyAuthentication.SchemeName);
            var failure = authentication.Failure?.Message
                ?? "This registry requires an API key: send Authorization: Basic base64(id:secret) or Bearer id:secret.";
            await ErrorHandling.WriteAsync(context, new RegistryException(ErrorCodes.Unauthorized, failure));
        }
        else if (authorizeResult.Forbidden)
        {
            await ErrorHandling.WriteAsync(context, new RegistryException(ErrorCodes.Forbidden, Reason(context.User, authorizeResult.AuthorizationFailure)));
        }
        else
        {
            await next(context);
        }
    }

    private static string Reason(ClaimsPrincipal user, AuthorizationFailure? failure)
    {
        var key = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var needed = failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).FirstOrDefault();
        if (needed is not null)
        {
            return $"The key {key} may not do this: it needs the {needed} role.";
        }

        var reason = failure?.FailureReasons.Select(r => r.Message).FirstOrDefault();
        return reason is null ? $"The key {key} may not do this." : $"{reason} (key {key})";
    }
}
