using System.Text.Json.Serialization;

namespace EventContracts.Deployments;

/// <summary>An environment (<c>dev</c>, <c>staging</c>, <c>production</c>) that holds deployed service versions.</summary>
public sealed record EnvironmentInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("deployedServices")] int DeployedServices);

/// <summary><c>GET /v1/environments/{environment}</c>: what runs there now, sorted by service.</summary>
public sealed record EnvironmentDetails(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("deployments")] IReadOnlyList<Deployment> Deployments);

/// <summary>Body of <c>POST /v1/environments/{environment}/deployments</c>: a recorded release now runs there.</summary>
public sealed record DeploymentRequest(
    [property: JsonPropertyName("service")] string? Service,
    [property: JsonPropertyName("version")] string? Version);

/// <summary>How a deployment stopped being current.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentEnd>))]
public enum DeploymentEnd
{
    /// <summary>Another version of the service was deployed to the environment.</summary>
    [JsonStringEnumMemberName("replaced")]
    Replaced,

    /// <summary>The service was undeployed from the environment.</summary>
    [JsonStringEnumMemberName("undeployed")]
    Undeployed,
}

/// <summary>A service version running (or, once <see cref="EndedAt"/> is set, having run) in an environment.</summary>
/// <remarks>Replaced: The version of the service this deployment replaced there, or null.</remarks>
public sealed record Deployment(
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("deployedAt")] DateTimeOffset DeployedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("endedBy")] DeploymentEnd? EndedBy,
    [property: JsonPropertyName("replaced")] string? Replaced);
