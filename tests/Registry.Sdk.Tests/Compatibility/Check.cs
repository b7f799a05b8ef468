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
}
