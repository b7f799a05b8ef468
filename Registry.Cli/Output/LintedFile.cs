using EventContracts.Cli.Input;
using EventContracts.Linting;

namespace EventContracts.Cli.Output;

/// <summary>The outcome of linting one file: its findings, or why it could not be read.</summary>
/// <param name="Path">The file as the user named it (or as found under a folder they named).</param>
/// <param name="Findings">Findings at warning or error severity.</param>
/// <param name="Failure">Set when the file is not JSON or not a schema; it then has no lint findings beyond its name.</param>
internal sealed record LintedFile(string Path, IReadOnlyList<LintFinding> Findings, InputException? Failure);
