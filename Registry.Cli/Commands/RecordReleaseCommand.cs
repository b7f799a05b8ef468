using System.CommandLine;
using System.Net;
using EventContracts.Cli.Input;
using EventContracts.Cli.Registry;
using EventContracts.Client;
using EventContracts.Deployments;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc record-release</c>: records a service version and the contracts its <c>eventcontracts.yaml</c> declares.</summary>
internal static class RecordReleaseCommand
{
    public static Command Create()
    {
        var manifest = new Option<string>("--manifest")
        {
            Description = "The service's manifest (DESIGN §4): service, produces, consumes.",
            DefaultValueFactory = _ => "eventcontracts.yaml",
            HelpName = "eventcontracts.yaml",
        };
        var version = GateOptions.Version("The version being released, e.g. 1.5.0 or a commit id.");
        var registry = CommonOptions.Registry();

        var command = new Command("record-release", "Record a release: a service version and the contracts it produces and consumes. Exit 0 recorded, 1 when that version was recorded with other contracts, 3 on a bad manifest or argument, 4 when the registry is unreachable.")
        {
            manifest, version, registry,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(manifest),
            GateOptions.CheckedVersion(parseResult.GetValue(version)),
            parseResult.GetValue(registry),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string manifestPath, string version, string? registry, CancellationToken cancellationToken)
    {
        var manifest = ServiceManifest.Load(manifestPath);
        using var client = RegistryClient.Create(registry);
        RegistryResponse<Release> answer;
        try
        {
            answer = await client.RecordReleaseAsync(manifest.Service, new ReleaseRequest(version, manifest.Produces, manifest.Consumes), cancellationToken);
        }
        catch (RegistryRequestException e) when (e.Status == 409)
        {
            // A release is immutable: the verdict of this command, not bad input.
            Console.Error.WriteLine($"evc: {e.Message}");
            return ExitCodes.Failed;
        }

        var release = answer.Value;
        var contracts = $"produces {List(release.Produces)}; consumes {List(release.Consumes)}";
        Console.Out.Write(answer.Status == HttpStatusCode.Created
            ? $"Recorded release {release.Service} {release.Version}: {contracts}.\n"
            : $"Release {release.Service} {release.Version} was already recorded with the same contracts: {contracts}.\n");
        foreach (var warning in release.Warnings)
        {
            Console.Out.Write($"warning: {warning}\n");
        }

        return ExitCodes.Ok;
    }

    private static string List(IReadOnlyList<string> contracts) => contracts.Count == 0 ? "nothing" : string.Join(", ", contracts);
}
