namespace EventContracts.Benchmarks;

/// <summary>How the versions of a generated history differ from each other.</summary>
public enum HistoryShape
{
    /// <summary>Versions differ only in <c>$id</c>: the same work for every version compared.</summary>
    Stable,

    /// <summary>Each version loosens one constraint: older versions differ from the newest in more places.</summary>
    Relaxing,

    /// <summary>
    /// Every older version differs from the newest in the same number of places (<see cref="SchemaHistory.ChangedPerVersion"/>
    /// constraints, on different properties per version): a real comparison, the same amount of it for every version.
    /// </summary>
    ConstantDifference,
}
