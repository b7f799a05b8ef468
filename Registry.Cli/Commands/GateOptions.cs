using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Deployments;

namespace EventContracts.Cli.Commands;

/// <summary>The options of the deploy-gate commands, checked with the registry's own name rules before anything is sent.</summary>
internal static class GateOptions
{
    public static Option<string> Service() => new("--service") { Description = "The service, e.g. orders.", Required = true, HelpName = "name" };

    public static Option<string> Version(string description = "The service version, e.g. 1.5.0 or a commit id.") =>
        new("--version") { Description = description, Required = true, HelpName = "version" };

    public static Option<string> Environment(string name = "--env") => new(name) { Description = "The environment, e.g. production.", Required = true, HelpName = "environment" };

    public static string CheckedService(string? value) => Checked(DeploymentNames.CheckService(value), value, "--service");

    public static string CheckedVersion(string? value) => Checked(DeploymentNames.CheckVersion(value), value, "--version");

    public static string CheckedEnvironment(string? value, string option = "--env") => Checked(DeploymentNames.CheckEnvironment(value), value, option);

    private static string Checked(string? problem, string? value, string option) =>
        problem is null ? value! : throw new InputException($"{option}: {problem}");
}
