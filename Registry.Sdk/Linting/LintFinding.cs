using EventContracts.Schemas;

namespace EventContracts.Linting;

/// <summary>One place where a schema or an event-type name breaks a lint rule.</summary>
/// <param name="RuleId">The id of the broken rule (see <see cref="LintRules"/>).</param>
/// <param name="Severity">The severity after configuration; never <see cref="LintSeverity.Off"/>.</param>
/// <param name="Pointer">JSON pointer to the offending part, e.g. <c>#/properties/order_id</c>; <c>#</c> for the root and for event-type names.</param>
/// <param name="Message">What to change, in words meant for the person who wrote the schema.</param>
/// <param name="File">The schema's source file, when it came from one.</param>
/// <param name="Position">Line and column of <paramref name="Pointer"/> in the schema text, when there is a schema.</param>
public sealed record LintFinding(string RuleId, LintSeverity Severity, string Pointer, string Message, string? File, SourcePosition? Position);
