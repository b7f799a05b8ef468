using System.CommandLine;
using System.Net;
using EventContracts.Cli.Registry;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc create-environment</c>: makes an environment known, so <c>can-i-deploy</c> answers for it before its first deployment.</summary>
internal static class CreateEnvironmentCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The environment, e.g. production." };
        var registry = CommonOptions.Registry();

        var command = new Command("create-environment", "Create an environment (can-i-deploy refuses environments the registry does not know). Exit 0 created or already there, 3 on a bad name, 4 when the registry is unreachable.")
        {
            name, registry,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            GateOptions.CheckedEnvironment(parseResult.GetValue(name), "environment"),
            parseResult.GetValue(registry),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string environment, string? registry, CancellationToken cancellationToken)
    {
        using var client = RegistryClient.Create(registry);
        var answer = await client.CreateEnvironmentAsync(environment, cancellationToken);
        Console.Out.Write(answer.Status == HttpStatusCode.Created
            ? $"Created environment {answer.Value.Name}.\n"
            : $"Environment {answer.Value.Name} already exists.\n");
        return ExitCodes.Ok;
    }
}
