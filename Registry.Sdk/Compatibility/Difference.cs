namespace EventContracts.Compatibility;

/// <summary>
/// One difference found by walking a writer schema and a reader schema side by side.
/// </summary>
/// <param name="Type">What changed, in Confluent's vocabulary.</param>
/// <param name="Path">JSON pointer into the schemas, e.g. <c>#/properties/total/maximum</c>.</param>
/// <param name="Message">What changed and what it means for data, in plain words.</param>
public sealed record Difference(DifferenceType Type, string Path, string Message);

/// <summary>One difference as judged by a compatibility check.</summary>
/// <param name="Type">What changed.</param>
/// <param name="Path">JSON pointer into the schemas.</param>
/// <param name="IsCompatible">Whether this difference alone keeps the schemas compatible under the check's policy.</param>
/// <param name="Message">Plain words: what changed, which way data flows, and what breaks.</param>
/// <param name="AgainstVersion">The previous version it was found against (1-based position in the list given, or the registry version).</param>
/// <param name="Direction">Which way data flows in the comparison that found it.</param>
public sealed record CompatibilityIssue(
    DifferenceType Type,
    string Path,
    bool IsCompatible,
    string Message,
    int AgainstVersion,
    CompatibilityDirection Direction);

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
