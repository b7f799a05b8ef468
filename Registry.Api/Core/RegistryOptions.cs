using EventContracts.Linting;
using EventContracts.Schemas;

namespace EventContracts.Api.Core;

/// <summary>Registry settings from configuration (section <c>Registry</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>Largest schema text accepted, in bytes (42209 above it).</summary>
    public int MaxSchemaBytes { get; set; } = SchemaLimits.Default.MaxBytes;

    /// <summary>Lint rule severities by rule id, e.g. <c>"EC006": "off"</c>; unset rules keep their defaults.</summary>
    public Dictionary<string, string> LintRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SchemaLimits Limits => SchemaLimits.Default with { MaxBytes = MaxSchemaBytes };

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
