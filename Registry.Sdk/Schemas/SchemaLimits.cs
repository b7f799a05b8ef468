namespace EventContracts.Schemas;

/// <summary>
/// The bounds on the work one schema may cause, so a hostile schema gets a clear error instead of
/// exhausting memory, the stack or the CPU. The defaults suit event contracts with room to spare.
/// </summary>
public sealed record SchemaLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static SchemaLimits Default { get; } = new();

    /// <summary>Largest schema text accepted, in UTF-8 bytes (default 1 MiB).</summary>
    public int MaxBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted (objects and arrays; default 256).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Most comparison steps one compatibility check may take before it gives up (default 2,000,000).</summary>
    public int MaxComparisonSteps { get; init; } = 2_000_000;

    /// <summary>Longest one compatibility check may run before it gives up (default 5 s).</summary>
    public TimeSpan ComparisonTimeBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Deepest chain of nested comparisons, following <c>$ref</c>s included (default 512).</summary>
    public int MaxComparisonDepth { get; init; } = 512;

    /// <summary>Timeout for evaluating one schema <c>pattern</c> against a name (default 100 ms).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
