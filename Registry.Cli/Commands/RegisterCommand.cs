using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Cli.Registry;
using Spectre.Console;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc register</c>: schema-as-code; registers the contract files a registry does not hold yet, in version order.</summary>
internal static class RegisterCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json];

    public static Command Create()
    {
        var paths = new Argument<string[]>("folders")
        {
            Description = "Contract folders (or files) holding <domain>/<event-type>.v<N>.json, searched recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be registered, already registered, mismatched or refused, without writing." };
        var registry = CommonOptions.Registry();
        var output = CommonOptions.Output(Formats);

        var command = new Command("register", "Register contract files with the registry, each event type's versions in order. Exit 0 when everything is (or would be) registered, 1 on a mismatch or refusal, 3 on bad input, 4 when the registry is unreachable.")
        {
            paths, dryRun, registry, output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(paths),
            parseResult.GetValue(dryRun),
            parseResult.GetValue(registry),
            CommonOptions.ParseOutput(parseResult.GetValue(output), Formats),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> paths, bool dryRun, string? registry, OutputFormat output, CancellationToken cancellationToken)
    {
        var contracts = ContractVersionFiles.Load(paths);
        using var client = RegistryClient.Create(registry);
        var console = Terminal.Create();
        var text = output == OutputFormat.Text;
        var plans = new List<SubjectPlan>(contracts.Count);

        // A spinner with the current step on a terminal; redirected, only the result lines.
        if (text && console.Profile.Capabilities.Interactive)
        {
            await console.Status().StartAsync("Reading contracts…", context => RunAsync(message => context.Status(Terminal.Text(message + "…"))));
        }
        else
        {
            await RunAsync(_ => { });
        }

        var outcomes = plans.SelectMany(p => p.Outcomes).ToList();
        if (text)
        {
            var summary = RegistrationRenderer.Summary(outcomes, dryRun);
            Terminal.Line(console, Terminal.Text(dryRun ? $"Dry run, nothing was registered. {summary}" : summary));
        }
        else
        {
            RegistrationRenderer.WriteJson(outcomes, dryRun);
        }

        return outcomes.Any(o => o.Failed) ? ExitCodes.Failed : ExitCodes.Ok;

        async Task RunAsync(Action<string> status)
        {
            var registrar = new ContractRegistrar(client, status);
            foreach (var contract in contracts)
            {
                var plan = await registrar.PlanAsync(contract, checkNew: dryRun, cancellationToken);
                plans.Add(plan);
                if (text)
                {
                    // Pending files are reported once registered; everything else is settled already.
                    foreach (var outcome in plan.Outcomes.Where(o => o.Status != ContractStatus.Pending || dryRun))
                    {
                        RegistrationRenderer.WriteLine(console, outcome, withFindings: false);
                    }
                }
            }

            if (dryRun)
            {
                return;
            }

            // A file that disagrees with the registry means the folder is not what the registry holds: write nothing.
            var blocked = plans.Any(p => p.Outcomes.Any(o => o.Status == ContractStatus.Mismatch));
            foreach (var plan in plans)
            {
                if (blocked)
                {
                    plan.SkipNew("not registered: a file disagrees with the registry (see MISMATCH above), so nothing was registered.");
                }
                else
                {
                    await registrar.ApplyAsync(plan, cancellationToken);
                }

                if (text)
                {
                    foreach (var outcome in plan.Outcomes.Where(o => o.Status is not (ContractStatus.AlreadyRegistered or ContractStatus.Mismatch)))
                    {
                        RegistrationRenderer.WriteLine(console, outcome, withFindings: false);
                    }
                }
            }
        }
    }
}
