using Microsoft.AspNetCore.Authorization;

namespace EventContracts.Api.Auth;

/// <summary>A writer key limited to subject prefixes may change only subjects that start with one of them.</summary>
public sealed class SubjectScopeRequirement : IAuthorizationRequirement;

/// <summary>Checks <see cref="SubjectScopeRequirement"/> against the route's <c>{subject}</c>.</summary>
internal sealed class SubjectScopeHandler : AuthorizationHandler<SubjectScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SubjectScopeRequirement requirement)
    {
        var scopes = context.User.FindAll(ApiKeyAuthentication.ScopeClaim).Select(c => c.Value).ToList();
        if (scopes.Count == 0)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var subject = (context.Resource as HttpContext)?.GetRouteValue("subject") as string;
        if (subject is not null && scopes.Exists(scope => subject.StartsWith(scope, StringComparison.Ordinal)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"The key may change only subjects starting with {string.Join(" or ", scopes.Select(s => $"\"{s}\""))}, not \"{subject}\"."));
        }

        return Task.CompletedTask;
    }
}
