using System.Text;
using EventContracts.Client;
using EventContracts.Deployments;

namespace EventContracts.Cli.Registry;

/// <summary>The deploy gate's native surface (docs/deploy-gate.md), read into the shared <c>EventContracts.Deployments</c> records.</summary>
internal sealed partial class RegistryClient
{
    /// <summary><c>POST /v1/services/{service}/releases</c>: 201 recorded, 200 already recorded with the same contracts; 409 throws.</summary>
    public Task<RegistryResponse<Release>> RecordReleaseAsync(string service, ReleaseRequest release, CancellationToken cancellationToken) =>
        PostAsync<Release>($"v1/services/{Segment(service)}/releases", release, cancellationToken);

    /// <summary><c>PUT /v1/environments/{environment}</c>: 201 created, 200 when it exists.</summary>
    public Task<RegistryResponse<EnvironmentInfo>> CreateEnvironmentAsync(string environment, CancellationToken cancellationToken) =>
        SendAsync<EnvironmentInfo>(HttpMethod.Put, $"v1/environments/{Segment(environment)}", null, cancellationToken);

    /// <summary><c>POST /v1/environments/{environment}/deployments</c>: 201 recorded, 200 when that version is already current there.</summary>
    public Task<RegistryResponse<Deployment>> RecordDeploymentAsync(string environment, DeploymentRequest deployment, CancellationToken cancellationToken) =>
        PostAsync<Deployment>($"v1/environments/{Segment(environment)}/deployments", deployment, cancellationToken);

    /// <summary><c>DELETE /v1/environments/{environment}/deployments/{service}</c>: the ended deployment; 404 (not deployed there) throws.</summary>
    public Task<RegistryResponse<Deployment>> RecordUndeploymentAsync(string environment, string service, CancellationToken cancellationToken) =>
        SendAsync<Deployment>(HttpMethod.Delete, $"v1/environments/{Segment(environment)}/deployments/{Segment(service)}", null, cancellationToken);

    /// <summary><c>GET /v1/can-i-deploy</c>: the report, and its body as the registry sent it (for <c>--output json</c>).</summary>
    public Task<RegistryResponse<CanIDeployReport>> CanIDeployAsync(string service, string version, string environment, bool requireProducers, IReadOnlyList<string> ignore, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("v1/can-i-deploy?service=").Append(Segment(service))
            .Append("&version=").Append(Segment(version))
            .Append("&environment=").Append(Segment(environment))
            .Append("&requireProducers=").Append(requireProducers ? "true" : "false");
        foreach (var ignored in ignore)
        {
            query.Append("&ignore=").Append(Segment(ignored));
        }

        return GetAsync<CanIDeployReport>(query.ToString(), cancellationToken);
    }
}
