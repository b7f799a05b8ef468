using EventContracts.Api.Confluent;
using EventContracts.Api.Core;
using EventContracts.Deployments;

namespace EventContracts.Api.Deployments;

/// <summary>What <c>GET /v1/can-i-deploy</c> asks: may <see cref="Service"/> at <see cref="Version"/> go to <see cref="Environment"/>?</summary>
/// <remarks>Ignored: services left out of the verdict, sorted; never the service being checked.</remarks>
public sealed record GateQuery(string Service, string Version, string Environment, bool RequireProducers, IReadOnlyList<string> Ignored)
{
    /// <summary>Reads the query string; a missing, repeated or bad parameter is a 400 that says what to send.</summary>
    public static GateQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var service = Required(query, "service");
        var version = Required(query, "version");
        var environment = Required(query, "environment");
        DeploymentErrors.RequireValid(DeploymentNames.CheckService(service));
        DeploymentErrors.RequireValid(DeploymentNames.CheckVersion(version));
        DeploymentErrors.RequireValid(DeploymentNames.CheckEnvironment(environment));
        var requireProducers = ConfluentHttp.Flag(Single(query, "requireProducers"), "requireProducers");
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in query["ignore"])
        {
            DeploymentErrors.RequireValid(DeploymentNames.CheckService(name));
            if (name == service)
            {
                throw new RegistryException(ErrorCodes.BadRequest, $"ignore={name} names the service being checked; ignore only other services.");
            }

            ignored.Add(name!);
        }

        return new GateQuery(service, version, environment, requireProducers, [.. ignored]);
    }

    private static string Required(IQueryCollection query, string name) =>
        Single(query, name) is { Length: > 0 } value
            ? value
            : throw new RegistryException(ErrorCodes.BadRequest, $"Query parameter {name} is required: GET /v1/can-i-deploy?service=orders&version=1.5.0&environment=production.");

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count > 1
            ? throw new RegistryException(ErrorCodes.BadRequest, $"Query parameter {name} is given {values.Count} times; give it once.")
            : values.Count == 1 ? values[0] : null;
    }
}
