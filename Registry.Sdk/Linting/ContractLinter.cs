using EventContracts.Schemas;

namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): runs the lint rules.</summary>
public static class ContractLinter
{
    /// <summary>Lints a schema and, when given, its event-type name.</summary>
    public static IReadOnlyList<LintFinding> Lint(ContractSchema schema, string? eventType = null, LintConfiguration? configuration = null) => [];

    /// <summary>Lints an event-type name alone.</summary>
    public static IReadOnlyList<LintFinding> LintEventType(string eventType, LintConfiguration? configuration = null) => [];
}
