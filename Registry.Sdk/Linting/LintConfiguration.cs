namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): rule severities, global and per subject.</summary>
public sealed record LintConfiguration
{
    /// <summary>Every rule at its default severity.</summary>
    public static LintConfiguration Default { get; } = new();

    /// <summary>Global overrides by rule id.</summary>
    public IReadOnlyDictionary<string, LintSeverity> Rules { get; init; } = new Dictionary<string, LintSeverity>();

    /// <summary>Per-subject overrides by rule id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, LintSeverity>> Subjects { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, LintSeverity>>();

    /// <summary>The severity a rule has for a subject.</summary>
    public LintSeverity SeverityOf(string ruleId, string? subject) =>
        Rules.TryGetValue(ruleId, out var severity) ? severity
        : LintRules.TryGet(ruleId, out var rule) ? rule.DefaultSeverity : LintSeverity.Off;

    /// <summary>Reads <c>off</c>, <c>warning</c> or <c>error</c>.</summary>
    public static bool TryParseSeverity(string? text, out LintSeverity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
