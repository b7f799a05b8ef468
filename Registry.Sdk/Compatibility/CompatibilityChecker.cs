using EventContracts.Schemas;

namespace EventContracts.Compatibility;

/// <summary>
/// Decides whether a candidate schema may follow previous versions under a compatibility level and policy,
/// exactly as Confluent Schema Registry decides for JSON Schema (DESIGN §5). The one implementation used
/// by the registry, the CLI, the deploy gate and the tests.
/// </summary>
public static class CompatibilityChecker
{
    /// <summary>How many versions one look-ahead covers: enough misses in flight at once, few enough to stay cached until compared.</summary>
    private const int PrefetchBatch = 32;

    /// <summary>
    /// Checks <paramref name="candidate"/> against <paramref name="previous"/> (oldest first; numbered 1, 2, 3…
    /// in the result's <see cref="CompatibilityIssue.AgainstVersion"/>).
    /// </summary>
    /// <exception cref="SchemaException">The comparison exceeded the candidate's <see cref="SchemaLimits"/>.</exception>
    public static CompatibilityResult Check(
        ContractSchema candidate,
        IReadOnlyList<ContractSchema> previous,
        CompatibilityLevel level,
        CompatibilityPolicy policy = CompatibilityPolicy.Strict)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var versions = new VersionedSchema[previous.Count];
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = new VersionedSchema(i + 1, previous[i]);
        }

        return Check(candidate, versions, level, policy);
    }

    /// <summary>
    /// Checks <paramref name="candidate"/> against registered versions (oldest first, soft-deleted ones already left out).
    /// </summary>
    /// <exception cref="SchemaException">The comparison exceeded the candidate's <see cref="SchemaLimits"/>.</exception>
    public static CompatibilityResult Check(
        ContractSchema candidate,
        IReadOnlyList<VersionedSchema> previous,
        CompatibilityLevel level,
        CompatibilityPolicy policy = CompatibilityPolicy.Strict)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(previous);
        var issues = new List<CompatibilityIssue>();
        if (level != CompatibilityLevel.None && previous.Count > 0)
        {
            // One comparer and one list for the whole check: what a comparison allocates per version is what it finds.
            var comparer = new SchemaComparer(policy, candidate.Limits);
            var differences = new List<Finding>();

            // Newest first, so the version most likely to matter is reported first. In batches: the first look at a batch
            // (SchemaComparer.Prefetch) asks for the cold memory of all its versions at once, so the processor waits for
            // them together rather than one version after the other (see SchemaComparer.Prefetch).
            var oldest = level.IsTransitive() ? 0 : previous.Count - 1;
            var batch = new ContractSchema[PrefetchBatch];
            for (var high = previous.Count - 1; high >= oldest; high -= PrefetchBatch)
            {
                var low = Math.Max(oldest, high - PrefetchBatch + 1);
                if (high > low)
                {
                    for (var i = high; i >= low; i--)
                    {
                        batch[high - i] = previous[i].Schema;
                    }

                    comparer.Prefetch(batch.AsSpan(0, high - low + 1), candidate);
                }

                for (var i = high; i >= low; i--)
                {
                    var version = previous[i];
                    if (level.ChecksBackward())
                    {
                        comparer.Compare(version.Schema, candidate, differences);
                        Judge(version.Version, CompatibilityDirection.Backward);
                    }

                    if (level.ChecksForward())
                    {
                        comparer.Compare(candidate, version.Schema, differences);
                        Judge(version.Version, CompatibilityDirection.Forward);
                    }
                }
            }

            void Judge(int version, CompatibilityDirection direction)
            {
                foreach (var difference in differences)
                {
                    issues.Add(new CompatibilityIssue(difference, difference.Type.IsCompatible(policy), version, direction));
                }

                differences.Clear();
            }
        }

        return new CompatibilityResult(issues.TrueForAll(i => i.IsCompatible), level, policy, issues);
    }

    /// <summary>
    /// Every difference met when <paramref name="reader"/> reads data written with <paramref name="writer"/>,
    /// compatible or not. The check is compatible when none is incompatible under the policy. The policy matters
    /// to the walk itself: combined schemas are matched branch to branch by which pairs are compatible.
    /// </summary>
    /// <exception cref="SchemaException">The comparison exceeded the writer's <see cref="SchemaLimits"/>.</exception>
    public static IReadOnlyList<Difference> Compare(ContractSchema writer, ContractSchema reader, CompatibilityPolicy policy = CompatibilityPolicy.Strict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reader);
        return SchemaComparer.Compare(writer, reader, policy, writer.Limits).ConvertAll(finding => finding.ToDifference());
    }
}
