namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): a lint rule.</summary>
/// <param name="Id">Stable id, e.g. <c>EC001</c>.</param>
/// <param name="Title">Short name.</param>
/// <param name="DefaultSeverity">Severity unless configured.</param>
/// <param name="Description">What the rule asks for.</param>
public sealed record LintRule(string Id, string Title, LintSeverity DefaultSeverity, string Description);
