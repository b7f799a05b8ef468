using EventContracts.Deployments;

namespace EventContracts.Api.Deployments;

/// <summary>A release as the gate sees it: the service, its version and the contracts it declares.</summary>
public sealed record GateRelease(string Service, string Version, IReadOnlyList<ContractReference> Produces, IReadOnlyList<ContractReference> Consumes);
