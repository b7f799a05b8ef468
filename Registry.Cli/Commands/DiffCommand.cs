using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Compatibility;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc diff</c>: every difference between two versions and the verdict of every level.</summary>
internal static class DiffCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json];

    public static Command Create()
    {
        var from = new Argument<string>("old") { Description = "The older schema file." };
        var to = new Argument<string>("new") { Description = "The newer schema file." };
        var policy = CommonOptions.Policy();
        var output = CommonOptions.Output(Formats);

        var command = new Command("diff", "Show every difference between two schema versions and which compatibility levels accept the change. Exit 0 when the diff ran, 3 on bad input.")
        {
            from, to, policy, output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(from),
            parseResult.GetRequiredValue(to),
            CommonOptions.ParsePolicy(parseResult.GetValue(policy)),
            CommonOptions.ParseOutput(parseResult.GetValue(output), Formats)));
        return command;
    }

    private static int Run(string fromPath, string toPath, CompatibilityPolicy policy, OutputFormat output)
    {
        var from = SchemaFiles.Load(fromPath);
        var to = SchemaFiles.Load(toPath);

        var report = SchemaDiffer.Diff(from, to, policy);

        if (output == OutputFormat.Json)
        {
            DiffRenderer.WriteJson(report, fromPath, toPath);
        }
        else
        {
            DiffRenderer.WriteText(Terminal.Create(), report, fromPath, toPath);
        }

        // A diff is information, not a gate: incompatible changes do not fail it.
        return ExitCodes.Ok;
    }
}
