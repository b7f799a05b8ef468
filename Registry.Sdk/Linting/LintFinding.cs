using EventContracts.Schemas;

namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): one rule violation.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Severity">Its configured severity.</param>
/// <param name="Pointer">JSON pointer.</param>
/// <param name="Message">What to do.</param>
/// <param name="File">The file, when linting a file.</param>
/// <param name="Position">Line and column, when known.</param>
public sealed record LintFinding(string RuleId, LintSeverity Severity, string Pointer, string Message, string? File, SourcePosition? Position);
