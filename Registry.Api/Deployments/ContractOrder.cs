using EventContracts.Deployments;

namespace EventContracts.Api.Deployments;

/// <summary>Contracts in the order they are shown: event type (ordinal), then version.</summary>
internal sealed class ContractOrder : IComparer<ContractReference>
{
    public static ContractOrder Instance { get; } = new();

    public int Compare(ContractReference x, ContractReference y)
    {
        var byType = string.CompareOrdinal(x.EventType, y.EventType);
        return byType != 0 ? byType : x.Version.CompareTo(y.Version);
    }
}
