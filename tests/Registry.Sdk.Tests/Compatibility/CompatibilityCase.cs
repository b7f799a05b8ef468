using EventContracts.Compatibility;

namespace EventContracts.Tests.Compatibility;

/// <summary>A corpus case read and checked: schemas as raw JSON text, oldest previous version first.</summary>
internal sealed record CompatibilityCase(
    string File,
    string Description,
    IReadOnlyList<string> Previous,
    string Candidate,
    CompatibilityLevel Level,
    CompatibilityPolicy Policy,
    bool Compatible,
    IReadOnlyList<DifferenceType> Types,
    IReadOnlyList<string> Paths);
