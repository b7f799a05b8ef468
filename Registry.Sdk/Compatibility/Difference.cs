namespace EventContracts.Compatibility;

/// <summary>
/// One difference found by walking a writer schema and a reader schema side by side.
/// </summary>
public sealed record Difference
{
    private readonly string? _before;
    private readonly string? _after;
    private string? _message;

    /// <summary>Creates a difference with its message.</summary>
    /// <param name="type">What changed, in Confluent's vocabulary.</param>
    /// <param name="path">JSON pointer into the schemas, e.g. <c>#/properties/total/maximum</c>.</param>
    /// <param name="message">What changed and what it means for data, in plain words.</param>
    public Difference(DifferenceType type, string path, string message)
    {
        Type = type;
        Path = path;
        _message = message;
    }

    // The message is written only when someone reads it: a transitive check over a long history finds many
    // differences that are counted and judged but never shown.
    internal Difference(DifferenceType type, string path, string? before, string? after)
    {
        Type = type;
        Path = path;
        _before = before;
        _after = after;
    }

    /// <summary>What changed, in Confluent's vocabulary.</summary>
    public DifferenceType Type { get; }

    /// <summary>JSON pointer into the schemas, e.g. <c>#/properties/total/maximum</c>.</summary>
    public string Path { get; }

    /// <summary>What changed and what it means for data, in plain words.</summary>
    public string Message => _message ??= DifferenceMessages.For(Type, Path, _before, _after);
}

/// <summary>
/// A difference as the comparer finds it: a value, not an object, so a transitive check over a long history allocates one
/// object per difference it reports (the <see cref="CompatibilityIssue"/>) and none for the many it reads on the way.
/// </summary>
internal readonly record struct Finding(DifferenceType Type, string Path, string? Before, string? After)
{
    /// <summary>What changed and what it means for data, in plain words.</summary>
    public string Message => DifferenceMessages.For(Type, Path, Before, After);

    public Difference ToDifference() => new(Type, Path, Before, After);
}

/// <summary>One difference as judged by a compatibility check.</summary>
public sealed record CompatibilityIssue
{
    // What the message is written from, when it is first read (see Difference): most issues of a long check never are.
    private readonly string? _before;
    private readonly string? _after;
    private string? _message;

    /// <summary>Creates a judged difference.</summary>
    /// <param name="type">What changed.</param>
    /// <param name="path">JSON pointer into the schemas.</param>
    /// <param name="isCompatible">Whether this difference alone keeps the schemas compatible under the check's policy.</param>
    /// <param name="message">Plain words: what changed, which way data flows, and what breaks.</param>
    /// <param name="againstVersion">The previous version it was found against.</param>
    /// <param name="direction">Which way data flows in the comparison that found it.</param>
    public CompatibilityIssue(DifferenceType type, string path, bool isCompatible, string message, int againstVersion, CompatibilityDirection direction)
    {
        Type = type;
        Path = path;
        IsCompatible = isCompatible;
        _message = message;
        AgainstVersion = againstVersion;
        Direction = direction;
    }

    internal CompatibilityIssue(in Finding finding, bool isCompatible, int againstVersion, CompatibilityDirection direction)
    {
        Type = finding.Type;
        Path = finding.Path;
        _before = finding.Before;
        _after = finding.After;
        IsCompatible = isCompatible;
        AgainstVersion = againstVersion;
        Direction = direction;
    }

    /// <summary>What changed.</summary>
    public DifferenceType Type { get; }

    /// <summary>JSON pointer into the schemas.</summary>
    public string Path { get; }

    /// <summary>Whether this difference alone keeps the schemas compatible under the check's policy.</summary>
    public bool IsCompatible { get; }

    /// <summary>Plain words: which version reads which, what changed, and what breaks.</summary>
    public string Message => _message ??= (Direction == CompatibilityDirection.Backward
        ? $"New schema reading data written with version {AgainstVersion}: "
        : $"Version {AgainstVersion} reading data written with the new schema: ") + DifferenceMessages.For(Type, Path, _before, _after);

    /// <summary>The previous version it was found against (1-based position in the list given, or the registry version).</summary>
    public int AgainstVersion { get; }

    /// <summary>Which way data flows in the comparison that found it.</summary>
    public CompatibilityDirection Direction { get; }
}

/// <summary>The verdict of a compatibility check and every difference behind it.</summary>
/// <param name="IsCompatible">True when no difference is incompatible under the policy.</param>
/// <param name="Level">The level that was checked.</param>
/// <param name="Policy">The policy that judged the differences.</param>
/// <param name="Differences">Every difference found, compatible ones included, newest version first.</param>
public sealed record CompatibilityResult(
    bool IsCompatible,
    CompatibilityLevel Level,
    CompatibilityPolicy Policy,
    IReadOnlyList<CompatibilityIssue> Differences);

/// <summary>A schema with the version it was registered as.</summary>
/// <param name="Version">The version number (1, 2, 3…).</param>
/// <param name="Schema">The schema.</param>
public readonly record struct VersionedSchema(int Version, Schemas.ContractSchema Schema);
