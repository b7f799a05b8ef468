using System.CommandLine;
using System.CommandLine.Invocation;
using EventContracts.Cli.Commands;
using EventContracts.Cli.Input;
using EventContracts.Cli.Registry;
using EventContracts.Schemas;

namespace EventContracts.Cli;

/// <summary>The command tree and the one place that turns failures into exit codes.</summary>
internal static class Evc
{
    /// <summary>Marks errors that are bugs in evc rather than bad input; tests fail on it.</summary>
    public const string InternalErrorMarker = "evc: internal error:";

    public static RootCommand CreateRoot() =>
        new("evc: lint, compare and diff event contracts (JSON Schema files), register them, and gate deploys against an EventContracts registry.")
        {
            CompatCommand.Create(),
            LintCommand.Create(),
            DiffCommand.Create(),
            RegisterCommand.Create(),
            CheckCommand.Create(),
            PullCommand.Create(),
            RecordReleaseCommand.Create(),
            RecordDeploymentCommand.Create(),
            RecordUndeploymentCommand.Create(),
            CreateEnvironmentCommand.Create(),
            CanIDeployCommand.Create(),
            KeysCommand.Create(),
        };

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var parseResult = CreateRoot().Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                // System.CommandLine answers parse errors with exit code 1, which evc reserves for "check failed".
                foreach (var error in parseResult.Errors)
                {
                    Console.Error.WriteLine($"evc: {error.Message}");
                }

                var command = parseResult.CommandResult.Command;
                var help = command is RootCommand ? "evc --help" : $"evc {command.Name} --help";
                Console.Error.WriteLine($"Run '{help}' for usage.");
                return ExitCodes.BadInput;
            }

            return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (RegistryUnreachableException e)
        {
            Console.Error.WriteLine($"evc: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: nothing was decided, so no verdict; 130 is what shells report for an interrupted command.
            Console.Error.WriteLine("evc: cancelled.");
            return 130;
        }
        catch (RegistryRequestException e)
        {
            // A refusal that is not the command's verdict (bad name, unknown environment, missing key): the input is wrong.
            Console.Error.WriteLine($"evc: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"evc: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (SchemaException e)
        {
            // Thrown by a comparison that exceeded its limits; file-level parse errors are InputExceptions already.
            Console.Error.WriteLine($"evc: {e.Message}");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The top of a CLI: anything else is a bug, reported in one line instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"{InternalErrorMarker} {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("This is a bug in evc, not in your input; please report it.");
            return ExitCodes.BadInput;
        }
    }
}
