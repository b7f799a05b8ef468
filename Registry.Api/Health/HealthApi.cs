using EventContracts.Api.Auth;
using System.Text.Json.Serialization;
using EventContracts.Api.Storage;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new HealthStatus("live"))).ForAnyone().WithTags("Health").WithSummary("The process is up.");
        app.MapGet("/health/ready", Ready).ForAnyone().WithTags("Health").WithSummary("The database answers a query.");
        return app;
    }

    private static async Task<IResult> Ready(IDbContextFactory<RegistryDbContext> contexts, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // A real query, so a missing table or a locked file shows here and not on the first request.
            await db.Settings.AsNoTracking().AnyAsync(cancellationToken);
            return TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return TypedResults.Json(new HealthStatus("database unreachable", e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>
/// A health answer. Named rather than anonymous so its OpenAPI schema id does not depend on how many anonymous
/// types the compiler generated elsewhere in the assembly.
/// </summary>
public sealed record HealthStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);
