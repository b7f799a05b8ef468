using System.CommandLine;
using System.Net;
using EventContracts.Cli.Registry;
using EventContracts.Deployments;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc record-deployment</c>: a recorded release now runs in an environment, replacing the service's previous version there.</summary>
internal static class RecordDeploymentCommand
{
    public static Command Create()
    {
        var service = GateOptions.Service();
        var version = GateOptions.Version("The deployed version; its release must have been recorded (evc record-release).");
        var environment = GateOptions.Environment();
        var registry = CommonOptions.Registry();

        var command = new Command("record-deployment", "Record that a service version is now deployed to an environment. Exit 0 recorded, 3 on a bad argument or an unrecorded release, 4 when the registry is unreachable.")
        {
            service, version, environment, registry,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            GateOptions.CheckedService(parseResult.GetValue(service)),
            GateOptions.CheckedVersion(parseResult.GetValue(version)),
            GateOptions.CheckedEnvironment(parseResult.GetValue(environment)),
            parseResult.GetValue(registry),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string service, string version, string environment, string? registry, CancellationToken cancellationToken)
    {
        using var client = RegistryClient.Create(registry);
        var answer = await client.RecordDeploymentAsync(environment, new DeploymentRequest(service, version), cancellationToken);
        var deployment = answer.Value;
        if (answer.Status != HttpStatusCode.Created)
        {
            Console.Out.Write($"{deployment.Service} {deployment.Version} is already the current deployment in {deployment.Environment}; nothing changed.\n");
        }
        else
        {
            var replaced = deployment.Replaced is { } previous ? $", replacing {previous}" : string.Empty;
            Console.Out.Write($"Recorded deployment of {deployment.Service} {deployment.Version} to {deployment.Environment}{replaced}.\n");
        }

        return ExitCodes.Ok;
    }
}
