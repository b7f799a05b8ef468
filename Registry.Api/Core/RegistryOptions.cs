using EventContracts.Linting;
using EventContracts.Schemas;

namespace EventContracts.Api.Core;

/// <summary>Registry settings from configuration (section <c>Registry</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>Largest schema text accepted, in bytes (42209 above it).</summary>
    public int MaxSchemaBytes { get; set; } = SchemaLimits.Default.MaxBytes;

    /// <summary>Largest request body accepted, in bytes (HTTP 413 above it). Bigger than <see cref="MaxSchemaBytes"/>, since a schema travels JSON-escaped with its references.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Longest one compatibility comparison may run, in milliseconds (default 500), before the request is refused as too
    /// complex (42201). Real contracts compare in microseconds to a few milliseconds; the bound keeps a hostile schema
    /// (exponential <c>$ref</c> fan-out) from holding a request for longer than a second.
    /// </summary>
    public int ComparisonTimeBudgetMs { get; set; } = 500;

    /// <summary>Lint rule severities by rule id, e.g. <c>"EC006": "off"</c>; unset rules keep their defaults.</summary>
    public Dictionary<string, string> LintRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SchemaLimits Limits => SchemaLimits.Default with { MaxBytes = MaxSchemaBytes, ComparisonTimeBudget = TimeSpan.FromMilliseconds(ComparisonTimeBudgetMs) };

    public LintConfiguration Lint()
    {
        var rules = new Dictionary<string, LintSeverity>(StringComparer.Ordinal);
        foreach (var (id, text) in LintRules)
        {
            if (EventContracts.Linting.LintRules.TryGet(id, out var rule) && LintConfiguration.TryParseSeverity(text, out var severity))
            {
                rules[rule.Id] = severity;
            }
        }

        return rules.Count == 0 ? LintConfiguration.Default : LintConfiguration.Default with { Rules = rules };
    }
}
