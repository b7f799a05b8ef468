namespace EventContracts.Linting;

/// <summary>One naming or lint rule of the catalogue in <see cref="LintRules"/>.</summary>
/// <param name="Id">The stable id, e.g. <c>EC003</c>; configuration and tools match on it.</param>
/// <param name="Title">A short name for the rule.</param>
/// <param name="DefaultSeverity">The severity when no configuration says otherwise.</param>
/// <param name="Description">What the rule asks for and why.</param>
public sealed record LintRule(string Id, string Title, LintSeverity DefaultSeverity, string Description);
