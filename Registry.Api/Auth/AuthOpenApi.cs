using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EventContracts.Api.Auth;

/// <summary>
/// Describes the two ways to send a key in the OpenAPI document (so Swagger UI's "Authorize" works on a keyed
/// registry): every operation asks for Basic or Bearer, except those open to anyone (health).
/// </summary>
internal sealed class AuthOpenApi : IOperationFilter
{
    private const string Basic = "basic";
    private const string Bearer = "bearer";

    public static void Describe(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(Basic, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "API key id as user name, its secret as password (what Confluent clients send with basic.auth.user.info).",
        });
        options.AddSecurityDefinition(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The token id:secret that POST /v1/keys answers. Roles and scopes: docs/security.md.",
        });
        options.OperationFilter<AuthOpenApi>();
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Basic, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
        ];
    }
}
