using EventContracts.Compatibility;
using EventContracts.Deployments;

namespace EventContracts.Api.Deployments;

/// <summary>
/// A contract (<c>order.created@3</c>) looked up in the registry: the subject holding it, the schema id of that
/// version, and whether the version is soft-deleted. <see cref="Problem"/> says why it cannot be resolved.
/// </summary>
public sealed record ContractResolution(
    ContractReference Contract,
    string? Subject,
    int? SchemaId,
    bool Deleted,
    CompatibilityPolicy Policy,
    string? Problem)
{
    public bool IsResolved => Problem is null && SchemaId is not null;
}
