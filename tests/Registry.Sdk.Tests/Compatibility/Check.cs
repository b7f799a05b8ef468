using EventContracts.Compatibility;
using EventContracts.Schemas;

namespace EventContracts.Tests.Compatibility;

/// <summary>Small helpers so test cases read as schema pairs.</summary>
internal static class Check
{
    public static CompatibilityResult Backward(string previous, string candidate, CompatibilityPolicy policy = CompatibilityPolicy.Strict) =>
        Level(CompatibilityLevel.Backward, candidate, policy, previous);

    public static CompatibilityResult Level(CompatibilityLevel level, string candidate, CompatibilityPolicy policy, params string[] previous) =>
        CompatibilityChecker.Check(ContractSchema.Parse(candidate), previous.Select(p => ContractSchema.Parse(p)).ToList(), level, policy);

    public static string[] Types(this CompatibilityResult result) =>
        result.Differences.Select(d => d.Type.ToWireName()).ToArray();

    public static string[] Incompatible(this CompatibilityResult result) =>
        result.Differences.Where(d => !d.IsCompatible).Select(d => $"{d.Type.ToWireName()} {d.Path}").ToArray();

    public static string[] All(this CompatibilityResult result) =>
        result.Differences.Select(d => $"{d.Type.ToWireName()} {d.Path}").ToArray();

    /// <summary>
    /// Null when <see cref="SchemaComparer.Compare(ContractSchema, ContractSchema, List{Finding})"/>, shortcuts and all,
    /// reports exactly what the full walk does (types, paths, messages, order); otherwise a line saying how they differ.
    /// </summary>
    public static string? ShortcutDisagreement(ContractSchema writer, ContractSchema reader)
    {
        var comparer = new SchemaComparer(CompatibilityPolicy.Strict, writer.Limits);
        var compared = new List<Finding>();
        var walked = new List<Finding>();
        comparer.Compare(writer, reader, compared);
        comparer.Walk(writer, reader, walked);
        return Describe(compared).SequenceEqual(Describe(walked))
            ? null
            : $"{writer.Text} -> {reader.Text}: [{string.Join(", ", Describe(compared))}] but the walk finds [{string.Join(", ", Describe(walked))}]";

        static IEnumerable<string> Describe(List<Finding> differences) =>
            differences.Select(d => $"{d.Type.ToWireName()} {d.Path} {d.Message}");
    }
}
