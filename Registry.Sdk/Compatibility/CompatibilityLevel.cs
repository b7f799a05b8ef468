namespace EventContracts.Compatibility;

/// <summary>
/// Which previous versions a new schema is checked against, and in which direction (DESIGN §5).
/// Wire names are Confluent's: <c>BACKWARD</c>, <c>BACKWARD_TRANSITIVE</c>, …, <c>NONE</c>.
/// </summary>
public enum CompatibilityLevel
{
    /// <summary>The new schema can read data written with the latest version.</summary>
    Backward,

    /// <summary>The new schema can read data written with every version.</summary>
    BackwardTransitive,

    /// <summary>The latest version can read data written with the new schema.</summary>
    Forward,

    /// <summary>Every version can read data written with the new schema.</summary>
    ForwardTransitive,

    /// <summary>Both <see cref="Backward"/> and <see cref="Forward"/> against the latest version.</summary>
    Full,

    /// <summary>Both directions against every version.</summary>
    FullTransitive,

    /// <summary>No check: every schema is accepted.</summary>
    None,
}

/// <summary>The two policies of DESIGN §5.</summary>
public enum CompatibilityPolicy
{
    /// <summary>Confluent's default verdicts.</summary>
    Strict,

    /// <summary>Also accepts the content-model changes listed as LENIENT in COMPAT-TYPES.md.</summary>
    Lenient,
}

/// <summary>Which way data flows in one comparison.</summary>
public enum CompatibilityDirection
{
    /// <summary>The new schema reads data written with the old one.</summary>
    Backward,

    /// <summary>The old schema reads data written with the new one.</summary>
    Forward,
}

/// <summary>Wire names and properties of <see cref="CompatibilityLevel"/> and <see cref="CompatibilityPolicy"/>.</summary>
public static class CompatibilityLevels
{
    /// <summary>Every level, in Confluent's documentation order.</summary>
    public static IReadOnlyList<CompatibilityLevel> All { get; } =
    [
        CompatibilityLevel.Backward, CompatibilityLevel.BackwardTransitive,
        CompatibilityLevel.Forward, CompatibilityLevel.ForwardTransitive,
        CompatibilityLevel.Full, CompatibilityLevel.FullTransitive,
        CompatibilityLevel.None,
    ];

    /// <summary>Confluent's name, e.g. <c>BACKWARD_TRANSITIVE</c>.</summary>
    public static string ToWireName(this CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.Backward => "BACKWARD",
        CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityLevel.Forward => "FORWARD",
        CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityLevel.Full => "FULL",
        CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
        CompatibilityLevel.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Reads a level name, ignoring case; <c>-</c> may stand for <c>_</c>.</summary>
    public static bool TryParse(string? text, out CompatibilityLevel level)
    {
        var normalized = (text ?? string.Empty).Trim().Replace('-', '_');
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWireName(), normalized, StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>Confluent's name of a policy: <c>STRICT</c> or <c>LENIENT</c>.</summary>
    public static string ToWireName(this CompatibilityPolicy policy) => policy == CompatibilityPolicy.Lenient ? "LENIENT" : "STRICT";

    /// <summary>Reads <c>STRICT</c> or <c>LENIENT</c>, ignoring case.</summary>
    public static bool TryParsePolicy(string? text, out CompatibilityPolicy policy)
    {
        switch ((text ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "STRICT":
                policy = CompatibilityPolicy.Strict;
                return true;
            case "LENIENT":
                policy = CompatibilityPolicy.Lenient;
                return true;
            default:
                policy = default;
                return false;
        }
    }

    /// <summary>Whether the level checks every previous version rather than the latest only.</summary>
    public static bool IsTransitive(this CompatibilityLevel level) =>
        level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.FullTransitive;

    /// <summary>Whether the level needs the new schema to read old data.</summary>
    public static bool ChecksBackward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;

    /// <summary>Whether the level needs old schemas to read new data.</summary>
    public static bool ChecksForward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;
}
