using System.CommandLine;
using EventContracts.Cli.Registry;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc record-undeployment</c>: a service no longer runs in an environment.</summary>
internal static class RecordUndeploymentCommand
{
    public static Command Create()
    {
        var service = GateOptions.Service();
        var environment = GateOptions.Environment();
        var registry = CommonOptions.Registry();

        var command = new Command("record-undeployment", "Record that a service was removed from an environment. Exit 0 recorded, 3 on a bad argument or when the service is not deployed there, 4 when the registry is unreachable.")
        {
            service, environment, registry,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            GateOptions.CheckedService(parseResult.GetValue(service)),
            GateOptions.CheckedEnvironment(parseResult.GetValue(environment)),
            parseResult.GetValue(registry),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string service, string environment, string? registry, CancellationToken cancellationToken)
    {
        using var client = RegistryClient.Create(registry);
        var deployment = (await client.RecordUndeploymentAsync(environment, service, cancellationToken)).Value;
        Console.Out.Write($"Recorded undeployment of {deployment.Service} {deployment.Version} from {deployment.Environment}.\n");
        return ExitCodes.Ok;
    }
}
