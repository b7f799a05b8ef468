using EventContracts.Api.Auth;
using EventContracts.Api.Confluent;
using EventContracts.Deployments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventContracts.Api.Deployments;

/// <summary>Services and their releases: <c>/v1/services/**</c> (docs/deploy-gate.md).</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/services/{service}/releases", RecordRelease).ForWriters().WithTags("Native")
            .WithSummary("Records a release: a service version and the contracts it produces and consumes (201 new, 200 recorded before with the same contracts, 409 with other contracts).")
            .Accepts<ReleaseRequest>("application/json", "*/*")
            .ProducesProblem(400).ProducesProblem(409);
        app.MapGet("/v1/services", ListServices).ForReaders().WithTags("Native")
            .WithSummary("Lists the services with their number of releases, sorted by name.");
        app.MapGet("/v1/services/{service}", GetService).ForReaders().WithTags("Native")
            .WithSummary("A service's releases (newest first) and its current deployments (by environment).")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/v1/services/{service}/releases/{version}", GetRelease).ForReaders().WithTags("Native")
            .WithSummary("One release of a service, with warnings for contracts whose schema version is not registered.")
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Created<Release>, Ok<Release>>> RecordRelease(string service, HttpRequest request, ReleaseStore releases, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<ReleaseRequest>(request);
        var (release, created) = await releases.RecordAsync(service, body, cancellationToken);
        return created
            ? TypedResults.Created($"/v1/services/{Uri.EscapeDataString(service)}/releases/{Uri.EscapeDataString(release.Version)}", release)
            : TypedResults.Ok(release);
    }

    private static async Task<Ok<IReadOnlyList<ServiceSummary>>> ListServices(ReleaseStore releases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await releases.ListAsync(cancellationToken));

    private static async Task<Ok<ServiceDetails>> GetService(string service, ReleaseStore releases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await releases.DetailsAsync(service, cancellationToken));

    private static async Task<Ok<Release>> GetRelease(string service, string version, ReleaseStore releases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await releases.GetAsync(service, version, cancellationToken));
}
