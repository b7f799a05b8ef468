namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): the rule catalogue of DESIGN §6.</summary>
public static class LintRules
{
    /// <summary>EC001: event-type name follows DESIGN §4.</summary>
    public const string EventTypeName = "EC001";

    /// <summary>Every rule.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
        [.. Enumerable.Range(1, 9).Select(i => new LintRule($"EC00{i}", $"EC00{i}", i >= 6 ? LintSeverity.Warning : LintSeverity.Error, "placeholder"))];

    /// <summary>Finds a rule by id.</summary>
    public static bool TryGet(string id, out LintRule rule)
    {
        rule = All.FirstOrDefault(r => r.Id == id)!;
        return rule is not null;
    }
}
