using EventContracts.Api.Auth;
using System.Globalization;
using EventContracts.Deployments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventContracts.Api.Deployments;

/// <summary><c>GET /v1/can-i-deploy</c> (docs/deploy-gate.md, DESIGN §9).</summary>
public static class CanIDeployApi
{
    public static IEndpointRouteBuilder MapCanIDeployApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/can-i-deploy", Evaluate).ForReaders().WithTags("Native")
            .WithSummary("Can this service version be deployed to this environment? The verdict (safe, unsafe, unknown) from the schemas of every real reader/writer pair, with findings and reasons.")
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    // The query parameters are declared so the OpenAPI document lists them; GateQuery reads and checks them (once each,
    // ignore repeatable), so a bad value is a 400 that says what to send rather than a binding failure.
    private static async Task<Ok<CanIDeployReport>> Evaluate(
        HttpContext context,
        CanIDeploy gate,
        string? service,
        string? version,
        string? environment,
        string? requireProducers,
        string[]? ignore)
    {
        _ = (service, version, environment, requireProducers, ignore);
        var query = GateQuery.Parse(context.Request.Query);
        var (report, milliseconds) = await gate.EvaluateAsync(query, context.RequestAborted);
        context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"gate;dur={milliseconds:0.###}");
        return TypedResults.Ok(report);
    }
}
