namespace EventContracts.Linting;

/// <summary>
/// Which severity each rule has: globally, and per subject. A subject key is an exact event type
/// (<c>order.created</c>) or a prefix pattern ending in <c>.*</c> (<c>order.*</c>); for a given rule the most
/// specific key that configures it wins, then <see cref="Rules"/>, then the rule's default.
/// </summary>
public sealed record LintConfiguration
{
    private static readonly IReadOnlyDictionary<string, LintSeverity> NoRules = new Dictionary<string, LintSeverity>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, LintSeverity>> NoSubjects =
        new Dictionary<string, IReadOnlyDictionary<string, LintSeverity>>();

    /// <summary>Every rule at its default severity.</summary>
    public static LintConfiguration Default { get; } = new();

    /// <summary>Global overrides: rule id (any case) to severity.</summary>
    public IReadOnlyDictionary<string, LintSeverity> Rules { get; init; } = NoRules;

    /// <summary>
    /// Per-subject overrides: an exact subject (<c>order.created</c>) or a prefix pattern (<c>order.*</c>, which
    /// matches <c>order.created</c> and <c>order.item.added</c>) to rule id (any case) to severity.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, LintSeverity>> Subjects { get; init; } = NoSubjects;

    /// <summary>
    /// The severity of <paramref name="ruleId"/> for <paramref name="subject"/>: the most specific subject key that
    /// configures the rule (exact beats the longest matching <c>prefix.*</c>), else the global override, else the
    /// rule's default. A subject with a <c>-key</c>/<c>-value</c> suffix also matches keys written without it.
    /// Unknown rule ids that nothing configures are <see cref="LintSeverity.Off"/>.
    /// </summary>
    public LintSeverity SeverityOf(string ruleId, string? subject)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (subject is not null)
        {
            foreach (var key in SubjectKeysBySpecificity(subject))
            {
                if (Find(Subjects[key], ruleId) is { } configured)
                {
                    return configured;
                }
            }
        }

        if (Find(Rules ?? NoRules, ruleId) is { } global)
        {
            return global;
        }

        return LintRules.TryGet(ruleId, out var rule) ? rule.DefaultSeverity : LintSeverity.Off;
    }

    /// <summary>Reads <c>off</c>, <c>warning</c>, <c>warn</c> or <c>error</c> (any case, surrounding spaces ignored).</summary>
    public static bool TryParseSeverity(string? text, out LintSeverity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "OFF":
                severity = LintSeverity.Off;
                return true;
            case "WARNING" or "WARN":
                severity = LintSeverity.Warning;
                return true;
            case "ERROR":
                severity = LintSeverity.Error;
                return true;
            default:
                severity = default;
                return false;
        }
    }

    // Exact keys first (the subject as given, then without its -key/-value suffix), then prefix patterns, longest first.
    private List<string> SubjectKeysBySpecificity(string subject)
    {
        var subjects = Subjects ?? NoSubjects;
        var keys = new List<string>();
        if (subjects.Count == 0)
        {
            return keys;
        }

        var bare = EventTypeName.StripTopicSuffix(subject, out _);
        foreach (var candidate in bare == subject ? [subject] : new[] { subject, bare })
        {
            if (subjects.ContainsKey(candidate) && !keys.Contains(candidate))
            {
                keys.Add(candidate);
            }
        }

        var patterns = subjects.Keys
            .Where(k => k.EndsWith(".*", StringComparison.Ordinal) && bare.StartsWith(k[..^1], StringComparison.Ordinal))
            .OrderByDescending(k => k.Length)
            .ThenBy(k => k, StringComparer.Ordinal);
        keys.AddRange(patterns);
        return keys;
    }

    private static LintSeverity? Find(IReadOnlyDictionary<string, LintSeverity>? rules, string ruleId)
    {
        if (rules is null)
        {
            return null;
        }

        if (rules.TryGetValue(ruleId, out var exact))
        {
            return exact;
        }

        // Users write "ec003" in YAML; the dictionary they hand us may compare ordinally.
        foreach (var (key, value) in rules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.Equals(key, ruleId, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
