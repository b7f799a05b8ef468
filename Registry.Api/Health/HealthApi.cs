using EventContracts.Api.Storage;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithTags("Health").WithSummary("The process is up.");
        app.MapGet("/health/ready", Ready).WithTags("Health").WithSummary("The database answers a query.");
        return app;
    }

    private static async Task<IResult> Ready(IDbContextFactory<RegistryDbContext> contexts, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // A real query, so a missing table or a locked file shows here and not on the first request.
            await db.Settings.AsNoTracking().AnyAsync(cancellationToken);
            return TypedResults.Ok(new { status = "ready" });
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return TypedResults.Json(new { status = "database unreachable", detail = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
