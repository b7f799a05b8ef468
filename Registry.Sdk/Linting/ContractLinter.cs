using EventContracts.Schemas;

namespace EventContracts.Linting;

/// <summary>
/// Runs the naming and lint rules of <see cref="LintRules"/>. The one implementation: the registry, the CLI and
/// the tests all call it, so a schema gets the same findings everywhere.
/// </summary>
public static class ContractLinter
{
    /// <summary>
    /// Lints a schema with EC002–EC009 and, when <paramref name="eventType"/> is given, its name with EC001.
    /// Severities come from <paramref name="configuration"/> for the subject <paramref name="eventType"/>; rules
    /// that are off produce nothing. Findings are ordered by line and column, then pointer, then rule id, so the
    /// same input always gives the same list.
    /// </summary>
    public static IReadOnlyList<LintFinding> Lint(ContractSchema schema, string? eventType = null, LintConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        configuration ??= LintConfiguration.Default;

        var findings = new List<LintFinding>();
        void Report(string ruleId, Func<IEnumerable<RuleHit>> rule)
        {
            var severity = configuration.SeverityOf(ruleId, eventType);
            if (severity == LintSeverity.Off)
            {
                return;
            }

            foreach (var hit in rule())
            {
                findings.Add(new LintFinding(ruleId, severity, hit.Pointer, hit.Message, schema.SourcePath, schema.PositionOf(hit.Pointer)));
            }
        }

        var root = schema.Root;
        var nodes = SchemaWalker.Walk(root);
        if (eventType is not null)
        {
            // The name is not in the schema text; its findings sit at the root of the file it was linted with.
            Report(LintRules.EventTypeName, () => EventTypeHits(eventType));
        }

        Report(LintRules.RootIsObject, () => SchemaRules.RootIsObject(root));
        Report(LintRules.CamelCaseProperties, () => SchemaRules.CamelCaseProperties(nodes));
        Report(LintRules.RequiredAreDeclared, () => SchemaRules.RequiredAreDeclared(root, nodes));
        // EC005 has nothing to find here: ContractSchema.Parse refuses every $ref it cannot resolve inside the
        // document or to a registered reference, so a remote one arrives as a SchemaException (see the overload).
        Report(LintRules.RootTitleAndDescription, () => SchemaRules.RootTitleAndDescription(root));
        Report(LintRules.ExplicitAdditionalProperties, () => SchemaRules.ExplicitAdditionalProperties(nodes));
        Report(LintRules.EnumCasing, () => SchemaRules.EnumCasing(nodes));
        Report(LintRules.TimestampFormat, () => SchemaRules.TimestampFormat(root, nodes));

        return Order(findings);
    }

    /// <summary>
    /// The findings for a schema that <see cref="ContractSchema.Parse"/> refused because of a <c>$ref</c>: a remote,
    /// file or unknown reference, or one that never reaches a schema, is EC005 at that <c>$ref</c>. Any other parse
    /// error is not a lint finding but bad input, and gives an empty list.
    /// </summary>
    public static IReadOnlyList<LintFinding> Lint(SchemaException error, string? eventType = null, LintConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        configuration ??= LintConfiguration.Default;
        var severity = configuration.SeverityOf(LintRules.NoRemoteRef, eventType);
        if (error.Kind != SchemaErrorKind.UnresolvableReference || severity == LintSeverity.Off)
        {
            return [];
        }

        return [new LintFinding(LintRules.NoRemoteRef, severity, error.Pointer ?? "#", error.Problem, error.SourcePath, error.Position)];
    }

    /// <summary>
    /// Checks an event-type name or subject with EC001 alone (what the registry does when a schema is registered
    /// under a subject). Findings carry the pointer <c>#</c> and no file or position.
    /// </summary>
    public static IReadOnlyList<LintFinding> LintEventType(string eventType, LintConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        configuration ??= LintConfiguration.Default;
        var severity = configuration.SeverityOf(LintRules.EventTypeName, eventType);
        if (severity == LintSeverity.Off)
        {
            return [];
        }

        return [.. EventTypeHits(eventType).Select(hit => new LintFinding(LintRules.EventTypeName, severity, hit.Pointer, hit.Message, null, null))];
    }

    private static IEnumerable<RuleHit> EventTypeHits(string eventType)
    {
        if (!EventTypeName.TryParse(eventType, out _, out var problem))
        {
            yield return new RuleHit("#", $"Rename the event type \"{eventType}\": {problem}.");
        }
    }

    private static LintFinding[] Order(List<LintFinding> findings) =>
    [
        .. findings
            .OrderBy(f => f.Position?.Line ?? 0)
            .ThenBy(f => f.Position?.Column ?? 0)
            .ThenBy(f => f.Pointer, StringComparer.Ordinal)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal),
    ];
}
