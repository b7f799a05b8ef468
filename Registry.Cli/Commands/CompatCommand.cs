using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Compatibility;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc compat</c>: may a candidate schema follow previous versions under a level and policy?</summary>
internal static class CompatCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json];

    public static Command Create()
    {
        var candidate = new Argument<string>("candidate") { Description = "The new schema file." };
        var against = new Option<string[]>("--against")
        {
            Description = "A previous version's schema file; repeat for several, oldest first.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "previous.json",
        };
        var level = new Option<string>("--level")
        {
            Description = $"Compatibility level: {string.Join(", ", CompatibilityLevels.All.Select(l => l.ToWireName()))}.",
            DefaultValueFactory = _ => "BACKWARD",
            HelpName = "level",
        };
        var policy = CommonOptions.Policy();
        var output = CommonOptions.Output(Formats);

        var command = new Command("compat", "Check that a candidate schema is compatible with previous versions. Exit 0 compatible, 1 incompatible, 3 bad input.")
        {
            candidate, against, level, policy, output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(candidate),
            parseResult.GetRequiredValue(against),
            CommonOptions.ParseLevel(parseResult.GetValue(level)),
            CommonOptions.ParsePolicy(parseResult.GetValue(policy)),
            CommonOptions.ParseOutput(parseResult.GetValue(output), Formats)));
        return command;
    }

    private static int Run(string candidatePath, IReadOnlyList<string> againstPaths, CompatibilityLevel level, CompatibilityPolicy policy, OutputFormat output)
    {
        var candidate = SchemaFiles.Load(candidatePath);
        var previous = againstPaths.Select(SchemaFiles.Load).ToList();

        var result = CompatibilityChecker.Check(candidate, previous, level, policy);

        if (output == OutputFormat.Json)
        {
            CompatRenderer.WriteJson(result);
        }
        else
        {
            CompatRenderer.WriteText(Terminal.Create(), result, candidatePath, againstPaths);
        }

        return result.IsCompatible ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
