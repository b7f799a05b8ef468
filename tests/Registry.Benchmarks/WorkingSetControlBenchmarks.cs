using BenchmarkDotNet.Attributes;
using EventContracts.Compatibility;
using EventContracts.Schemas;

namespace EventContracts.Benchmarks;

/// <summary>
/// Separates the engine's work from the memory it reads. The same <see cref="HistoryShape.ConstantDifference"/> history
/// of 1,000 versions is checked three ways: against its newest 99 older versions (the baseline), against those same 99
/// repeated to 999 (ten times the comparisons, the same working set), and against all 999 distinct older versions
/// (ten times the comparisons and ten times the working set).
/// </summary>
/// <remarks>
/// If the repeated case costs about 10× the baseline and the distinct one much more, the check's work is linear in the
/// number of versions and the excess is the parsed history outgrowing the CPU caches. Not sealed: BenchmarkDotNet
/// generates a class that derives from it.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
[MemoryDiagnoser]
public class WorkingSetControlBenchmarks
{
    private ContractSchema _candidate = null!;
    private ContractSchema[] _newest99 = [];
    private ContractSchema[] _newest99Repeated = [];
    private ContractSchema[] _all999 = [];

    [Params(50, 500)]
    public int Properties { get; set; }

    /// <summary>Whether the versions share their common subschemas (one <see cref="SubschemaPool"/>, as in the registry) or each has its own.</summary>
    [Params(false, true)]
    public bool Pooled { get; set; }

    [GlobalSetup]
    public void ParseHistory()
    {
        var options = Pooled ? SchemaHistory.Unbounded with { Pool = new SubschemaPool() } : SchemaHistory.Unbounded;
        var schemas = SchemaHistory.Generate(1000, Properties, HistoryShape.ConstantDifference).Select(text => ContractSchema.Parse(text, options)).ToArray();
        _candidate = schemas[^1];
        _all999 = schemas[..^1];
        _newest99 = schemas[900..^1];
        _newest99Repeated = [.. Enumerable.Repeat(_newest99, 10).SelectMany(versions => versions).Take(999)];
    }

    [Benchmark(Baseline = true)]
    public CompatibilityResult Newest99() => Check(_newest99);

    [Benchmark]
    public CompatibilityResult Newest99RepeatedTo999() => Check(_newest99Repeated);

    [Benchmark]
    public CompatibilityResult All999Distinct() => Check(_all999);

    private CompatibilityResult Check(ContractSchema[] previous) =>
        CompatibilityChecker.Check(_candidate, previous, CompatibilityLevel.BackwardTransitive, CompatibilityPolicy.Strict);
}
