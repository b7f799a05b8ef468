using EventContracts.Api.Auth;
using EventContracts.Api.Confluent;
using EventContracts.Deployments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventContracts.Api.Deployments;

/// <summary>Environments and deployments: <c>/v1/environments/**</c> (docs/deploy-gate.md).</summary>
public static class EnvironmentsApi
{
    public static IEndpointRouteBuilder MapEnvironmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/v1/environments/{environment}", CreateEnvironment).ForWriters().WithTags("Native")
            .WithSummary("Creates an environment (201), or answers it when it exists (200).")
            .ProducesProblem(400);
        app.MapGet("/v1/environments", ListEnvironments).ForReaders().WithTags("Native")
            .WithSummary("Lists the environments with their number of deployed services, sorted by name.");
        app.MapGet("/v1/environments/{environment}", GetEnvironment).ForReaders().WithTags("Native")
            .WithSummary("What runs in an environment now: its current deployments, sorted by service.")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapPost("/v1/environments/{environment}/deployments", Deploy).ForWriters().WithTags("Native")
            .WithSummary("Records that a recorded release now runs in the environment, replacing the service's previous version there (201; 200 when it already was the current one).")
            .Accepts<DeploymentRequest>("application/json", "*/*")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapDelete("/v1/environments/{environment}/deployments/{service}", Undeploy).ForWriters().WithTags("Native")
            .WithSummary("Records that a service no longer runs in the environment; answers the ended deployment.")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/v1/environments/{environment}/deployments/history", History).ForReaders().WithTags("Native")
            .WithSummary("Every deployment in the environment, newest first, ended ones included; optionally of one service.")
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Created<EnvironmentInfo>, Ok<EnvironmentInfo>>> CreateEnvironment(string environment, DeploymentStore deployments, CancellationToken cancellationToken)
    {
        var (info, created) = await deployments.CreateEnvironmentAsync(environment, cancellationToken);
        return created ? TypedResults.Created($"/v1/environments/{Uri.EscapeDataString(environment)}", info) : TypedResults.Ok(info);
    }

    private static async Task<Ok<IReadOnlyList<EnvironmentInfo>>> ListEnvironments(DeploymentStore deployments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await deployments.ListEnvironmentsAsync(cancellationToken));

    private static async Task<Ok<EnvironmentDetails>> GetEnvironment(string environment, DeploymentStore deployments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await deployments.EnvironmentAsync(environment, cancellationToken));

    private static async Task<Results<Created<Deployment>, Ok<Deployment>>> Deploy(string environment, HttpRequest request, DeploymentStore deployments, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<DeploymentRequest>(request);
        var (deployment, created) = await deployments.DeployAsync(environment, body, cancellationToken);
        return created
            ? TypedResults.Created($"/v1/environments/{Uri.EscapeDataString(environment)}/deployments/history?service={Uri.EscapeDataString(deployment.Service)}", deployment)
            : TypedResults.Ok(deployment);
    }

    private static async Task<Ok<Deployment>> Undeploy(string environment, string service, DeploymentStore deployments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await deployments.UndeployAsync(environment, service, cancellationToken));

    private static async Task<Ok<IReadOnlyList<Deployment>>> History(string environment, string? service, DeploymentStore deployments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await deployments.HistoryAsync(environment, service, cancellationToken));
}
