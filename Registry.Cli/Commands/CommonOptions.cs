using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Compatibility;

namespace EventContracts.Cli.Commands;

/// <summary>Options several commands share, and the parsing of their values into types.</summary>
/// <remarks>
/// Values are parsed here rather than by System.CommandLine so that a bad value is an input error
/// (exit 3) whose message lists the valid values, and so that case does not matter.
/// </remarks>
internal static class CommonOptions
{
    private static readonly string ValidLevels = string.Join(", ", CompatibilityLevels.All.Select(l => l.ToWireName()));

    public static Option<string> Output(params OutputFormat[] formats) => new("--output", "-o")
    {
        Description = $"Output format: {string.Join(", ", formats.Select(Name))}.",
        DefaultValueFactory = _ => "text",
        HelpName = string.Join("|", formats.Select(Name)),
    };

    public static Option<string> Policy() => new("--policy")
    {
        Description = "Compatibility policy: STRICT (Confluent's verdicts) or LENIENT (also accepts the content-model changes of DESIGN §5).",
        DefaultValueFactory = _ => "STRICT",
        HelpName = "STRICT|LENIENT",
    };

    public static Option<string> Registry() => new("--registry")
    {
        Description = "The registry's base URL, e.g. http://localhost:8081; defaults to $EVC_REGISTRY_URL. $EVC_API_KEY, when set, is sent as a bearer token.",
        HelpName = "url",
    };

    public static OutputFormat ParseOutput(string? text, params OutputFormat[] allowed)
    {
        foreach (var format in allowed)
        {
            if (string.Equals(Name(format), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw new InputException($"unknown output format '{text}'; use one of: {string.Join(", ", allowed.Select(Name))}.");
    }

    public static CompatibilityPolicy ParsePolicy(string? text) =>
        CompatibilityLevels.TryParsePolicy(text, out var policy)
            ? policy
            : throw new InputException($"unknown policy '{text}'; use one of: STRICT, LENIENT.");

    public static CompatibilityLevel ParseLevel(string? text) =>
        CompatibilityLevels.TryParse(text, out var level)
            ? level
            : throw new InputException($"unknown compatibility level '{text}'; use one of: {ValidLevels}.");

    private static string Name(OutputFormat format) => format switch
    {
        OutputFormat.Json => "json",
        OutputFormat.GitHub => "github",
        _ => "text",
    };
}
