using EventContracts.Schemas;

namespace EventContracts.Compatibility;

/// <summary>
/// Every difference between two versions of a schema, with the verdict each level would give
/// (what <c>evc diff</c> and <c>GET /v1/subjects/{s}/diff</c> show).
/// </summary>
public static class SchemaDiffer
{
    /// <summary>Differences from <paramref name="from"/> (older) to <paramref name="to"/> (newer), both directions.</summary>
    /// <exception cref="SchemaException">The comparison exceeded the schemas' <see cref="SchemaLimits"/>.</exception>
    public static SchemaDiffReport Diff(ContractSchema from, ContractSchema to, CompatibilityPolicy policy = CompatibilityPolicy.Strict)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var backward = SchemaComparer.Compare(from, to, policy, from.Limits);
        var forward = SchemaComparer.Compare(to, from, policy, from.Limits);
        var backwardOk = backward.TrueForAll(d => d.Type.IsCompatible(policy));
        var forwardOk = forward.TrueForAll(d => d.Type.IsCompatible(policy));
        var verdicts = CompatibilityLevels.All.ToDictionary(
            level => level,
            level => (!level.ChecksBackward() || backwardOk) && (!level.ChecksForward() || forwardOk));

        var entries = new List<DiffEntry>(backward.Count + forward.Count);
        entries.AddRange(backward.Select(d => Entry(d, CompatibilityDirection.Backward)));
        entries.AddRange(forward.Select(d => Entry(d, CompatibilityDirection.Forward)));
        return new SchemaDiffReport(policy, entries, verdicts);

        DiffEntry Entry(Finding difference, CompatibilityDirection direction)
        {
            var compatible = difference.Type.IsCompatible(policy);
            var under = CompatibilityLevels.All.ToDictionary(
                level => level,
                level => compatible || !(direction == CompatibilityDirection.Backward ? level.ChecksBackward() : level.ChecksForward()));
            var reading = direction == CompatibilityDirection.Backward ? "New schema reading old data" : "Old schema reading new data";
            return new DiffEntry(difference.Type, difference.Path, $"{reading}: {difference.Message}", direction, compatible, under);
        }
    }
}

/// <summary>The differences between two versions and each level's verdict.</summary>
/// <param name="Policy">The policy that judged the differences.</param>
/// <param name="Differences">Every difference, backward direction first.</param>
/// <param name="Verdicts">For each level, whether <c>to</c> may follow <c>from</c>.</param>
public sealed record SchemaDiffReport(
    CompatibilityPolicy Policy,
    IReadOnlyList<DiffEntry> Differences,
    IReadOnlyDictionary<CompatibilityLevel, bool> Verdicts);

/// <summary>One difference and the levels it breaks.</summary>
/// <param name="Type">What changed.</param>
/// <param name="Path">JSON pointer.</param>
/// <param name="Message">Plain words.</param>
/// <param name="Direction">The comparison that found it: the new schema reading old data (backward) or the reverse.</param>
/// <param name="IsCompatible">Whether this difference is compatible under the policy.</param>
/// <param name="CompatibleUnder">For each level: false when this difference makes the level refuse the change.</param>
public sealed record DiffEntry(
    DifferenceType Type,
    string Path,
    string Message,
    CompatibilityDirection Direction,
    bool IsCompatible,
    IReadOnlyDictionary<CompatibilityLevel, bool> CompatibleUnder);
