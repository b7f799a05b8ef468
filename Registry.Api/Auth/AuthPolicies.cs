using EventContracts.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace EventContracts.Api.Auth;

/// <summary>
/// The authorization policies every endpoint declares one of (docs/security.md has the table): readers read and run
/// checks, writers change subjects (within their scopes) and record releases and deployments, admins change global
/// settings and manage keys. <c>EndpointAuthorizationTests</c> holds every endpoint to its row.
/// </summary>
public static class AuthPolicies
{
    // The role policies carry the names of the roles they need.
    public const string Reader = "reader";
    public const string Writer = "writer";

    /// <summary>A writer whose scopes (if it has any) cover the <c>{subject}</c> of the route.</summary>
    public const string SubjectWriter = "subject-writer";
    public const string Admin = "admin";

    public static IServiceCollection AddRegistryAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();

        // The core only: AddAuthentication would add data protection, which keys cookies this registry never issues and
        // writes a key ring to the home folder at every start.
        services.AddAuthenticationCore(options => options.DefaultScheme = ApiKeyAuthentication.SchemeName);
        services.AddWebEncoders();
        new AuthenticationBuilder(services).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, SubjectScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Reader, policy => policy.RequireRole(ApiKeyRole.Reader.ToWireName()))
            .AddPolicy(Writer, policy => policy.RequireRole(ApiKeyRole.Writer.ToWireName()))
            .AddPolicy(SubjectWriter, policy => policy.RequireRole(ApiKeyRole.Writer.ToWireName()).AddRequirements(new SubjectScopeRequirement()))
            .AddPolicy(Admin, policy => policy.RequireRole(ApiKeyRole.Admin.ToWireName()))

            // An endpoint that forgot its policy needs an admin rather than nothing (a test also refuses such an endpoint).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(ApiKeyRole.Admin.ToWireName()).Build());
        return services;
    }

    public static TBuilder ForReaders<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Reader);

    public static TBuilder ForWriters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Writer);

    public static TBuilder ForSubjectWriters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(SubjectWriter);

    public static TBuilder ForAdmins<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Admin);

    public static TBuilder ForAnyone<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous();
}
