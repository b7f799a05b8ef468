using System.Text.Json.Serialization;

namespace EventContracts.Deployments;

/// <summary>Body of <c>POST /v1/services/{service}/releases</c>: a service version and the contracts it declares.</summary>
/// <remarks>Version: The service version, e.g. <c>1.5.0</c> (<see cref="DeploymentNames.CheckVersion"/>). Produces: Contracts the release writes, as <c>order.created@3</c> (<see cref="ContractReference"/>). Consumes: Contracts the release reads.</remarks>
public sealed record ReleaseRequest(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("produces")] IReadOnlyList<string>? Produces,
    [property: JsonPropertyName("consumes")] IReadOnlyList<string>? Consumes);

/// <summary>A recorded release. Immutable once recorded: the same version with other contracts is refused.</summary>
/// <remarks>Warnings: Contracts whose subject or schema version is not registered (yet), in plain words.</remarks>
public sealed record Release(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("produces")] IReadOnlyList<string> Produces,
    [property: JsonPropertyName("consumes")] IReadOnlyList<string> Consumes,
    [property: JsonPropertyName("recordedAt")] DateTimeOffset RecordedAt,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

/// <summary>One entry of <c>GET /v1/services</c>.</summary>
public sealed record ServiceSummary(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("releaseCount")] int ReleaseCount);

/// <summary><c>GET /v1/services/{service}</c>: its releases (newest first) and where it runs now.</summary>
public sealed record ServiceDetails(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("releases")] IReadOnlyList<Release> Releases,
    [property: JsonPropertyName("deployments")] IReadOnlyList<Deployment> Deployments);
