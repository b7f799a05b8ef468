using BenchmarkDotNet.Attributes;
using EventContracts.Compatibility;
using EventContracts.Schemas;

namespace EventContracts.Benchmarks;

/// <summary>
/// How a BACKWARD_TRANSITIVE check grows with the length of the history and the size of the schema. The check
/// should be linear in the number of versions: 10× the versions, at most about 10× the time.
/// </summary>
/// <remarks>
/// <see cref="ParseOnly"/> parses the candidate alone and is the baseline: the Ratio column then gives the check
/// in units of one parse of the same schema, measured in the same run, which holds up on a noisy machine.
/// Three launches: on the shared 2-core machine the same case measured up to 60% apart in two processes (where each
/// process's heap happens to put the history matters as much as the code), so one launch cannot tell 10× from 12×.
/// Not sealed: BenchmarkDotNet generates a class that derives from it.
/// </remarks>
[SimpleJob(launchCount: 3, warmupCount: 2, iterationCount: 6)]
[MemoryDiagnoser]
public class TransitiveCheckBenchmarks
{
    private ContractSchema _candidate = null!;
    private ContractSchema[] _previous = [];
    private string _candidateText = string.Empty;

    /// <summary>Versions in the history, the candidate included; it is checked against all the others.</summary>
    [Params(10, 100, 1000)]
    public int Versions { get; set; }

    /// <summary>Properties in the candidate (earlier versions may have up to <see cref="SchemaHistory.LateProperties"/> fewer).</summary>
    [Params(50, 500)]
    public int Properties { get; set; }

    /// <summary>
    /// <see cref="HistoryShape.Relaxing"/>: each version loosens something, so older versions differ from the candidate
    /// in more places and the work per version grows with the distance until it saturates at the schema's size.
    /// <see cref="HistoryShape.Stable"/>: versions differ only in <c>$id</c>, so the work per version is the same and the
    /// check's own scaling in the number of versions shows alone.
    /// <see cref="HistoryShape.ConstantDifference"/>: every older version differs from the candidate in the same number of
    /// places, so each comparison does real work, the same amount for every version.
    /// </summary>
    [Params(HistoryShape.Stable, HistoryShape.ConstantDifference, HistoryShape.Relaxing)]
    public HistoryShape History { get; set; }

    /// <summary>
    /// The history as the registry holds it: every version parsed through one <see cref="SubschemaPool"/> (the registry's
    /// <c>SchemaCache.Subschemas</c>), so what versions repeat of each other is held, and read, once.
    /// </summary>
    [GlobalSetup(Target = nameof(BackwardTransitiveCheck))]
    public void ParseHistory()
    {
        var options = SchemaHistory.Unbounded with { Pool = new SubschemaPool() };
        var schemas = SchemaHistory.Generate(Versions, Properties, History).Select(text => ContractSchema.Parse(text, options)).ToArray();
        _candidate = schemas[^1];
        _previous = schemas[..^1];
    }

    [GlobalSetup(Target = nameof(ParseOnly))]
    public void GenerateCandidate() => _candidateText = SchemaHistory.Generate(Versions, Properties, History)[^1];

    [Benchmark(Baseline = true)]
    public ContractSchema ParseOnly() => ContractSchema.Parse(_candidateText, SchemaHistory.Unbounded);

    [Benchmark]
    public CompatibilityResult BackwardTransitiveCheck() =>
        CompatibilityChecker.Check(_candidate, _previous, CompatibilityLevel.BackwardTransitive, CompatibilityPolicy.Strict);
}
