using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Cli.Registry;
using Spectre.Console;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc check</c>: would registering these contract files pass? Lint, match with the registry, compatibility.</summary>
internal static class CheckCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json, OutputFormat.GitHub];

    public static Command Create()
    {
        var paths = new Argument<string[]>("folders")
        {
            Description = "Contract folders (or files) holding <domain>/<event-type>.v<N>.json, searched recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var registry = CommonOptions.Registry();
        var output = CommonOptions.Output(Formats);

        var command = new Command("check", "Check that registering contract files would pass: registered versions unchanged, new ones lint-clean and compatible. Exit 0 pass, 1 fail, 3 bad input, 4 registry unreachable.")
        {
            paths, registry, output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(paths),
            parseResult.GetValue(registry),
            CommonOptions.ParseOutput(parseResult.GetValue(output), Formats),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> paths, string? registry, OutputFormat output, CancellationToken cancellationToken)
    {
        var contracts = ContractVersionFiles.Load(paths);
        using var client = RegistryClient.Create(registry);
        var registrar = new ContractRegistrar(client, _ => { });
        var outcomes = new List<ContractOutcome>();
        foreach (var contract in contracts)
        {
            outcomes.AddRange((await registrar.PlanAsync(contract, checkNew: true, cancellationToken)).Outcomes);
        }

        var passed = !outcomes.Any(o => o.Failed);
        switch (output)
        {
            case OutputFormat.Json:
                RegistrationRenderer.WriteJson(outcomes, dryRun: null);
                break;
            case OutputFormat.GitHub:
                RegistrationRenderer.WriteGitHub(outcomes);
                Console.Out.Write($"evc check: {(passed ? "passed" : "FAILED")}: {RegistrationRenderer.Summary(outcomes, dryRun: true)}\n");
                break;
            default:
                var console = Terminal.Create();
                foreach (var outcome in outcomes)
                {
                    RegistrationRenderer.WriteLine(console, outcome, withFindings: true);
                }

                Terminal.Line(console, Terminal.Text($"{(passed ? "Check passed" : "Check FAILED")}: {RegistrationRenderer.Summary(outcomes, dryRun: true)}"));
                break;
        }

        return passed ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
