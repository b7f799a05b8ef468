using EventContracts.Compatibility;

namespace EventContracts.Api.Deployments;

/// <summary>
/// The answer to canRead(reader, writer) under a policy: whether the reader reads everything the writer writes, and
/// every difference the engine found on the way (compatible ones included). <see cref="Failure"/> is set when the
/// comparison could not finish (a schema beyond the registry's limits); the pair is then unknown.
/// </summary>
public sealed record ReadCheck(bool CanRead, CompatibilityPolicy Policy, IReadOnlyList<Difference> Differences, string? Failure = null);
