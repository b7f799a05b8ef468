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
/// in units of one parse of the same schema, measured in the same run. One launch per run: on the shared 2-core machine
/// the speed of the whole machine drifts by up to a quarter over minutes, which no number of launches in a row averages
/// out, so <c>tests/bench-compat.sh</c> repeats the run at different times and judges the median of the runs.
/// Abstract and not sealed: BenchmarkDotNet generates classes that derive from the two below.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public abstract class TransitiveCheck
{
    private ContractSchema _candidate = null!;
    private ContractSchema[] _previous = [];
    private string _candidateText = string.Empty;

    /// <summary>
    /// Previous versions the candidate is checked against, as the issue counts them: the history holds these and the
    /// candidate, so 10× <see cref="Versions"/> is exactly 10× the comparisons.
    /// </summary>
    [Params(10, 100, 1000)]
    public int Versions { get; set; }

    /// <summary>Properties in the candidate (earlier versions may have up to <see cref="SchemaHistory.LateProperties"/> fewer).</summary>
    [Params(50, 500)]
    public int Properties { get; set; }

    /// <summary>How the versions of the history differ from each other (see <see cref="HistoryShape"/>).</summary>
    public abstract HistoryShape History { get; set; }

    /// <summary>
    /// The history as the registry holds it: every version parsed through one <see cref="SubschemaPool"/> (the registry's
    /// <c>SchemaCache.Subschemas</c>), so what versions repeat of each other is held, and read, once.
    /// </summary>
    [GlobalSetup(Target = nameof(BackwardTransitiveCheck))]
    public void ParseHistory()
    {
        var options = SchemaHistory.Unbounded with { Pool = new SubschemaPool() };
        var schemas = SchemaHistory.Generate(Versions + 1, Properties, History).Select(text => ContractSchema.Parse(text, options)).ToArray();
        _candidate = schemas[^1];
        _previous = schemas[..^1];
    }

    [GlobalSetup(Target = nameof(ParseOnly))]
    public void GenerateCandidate() => _candidateText = SchemaHistory.Generate(Versions + 1, Properties, History)[^1];

    [Benchmark(Baseline = true)]
    public ContractSchema ParseOnly() => ContractSchema.Parse(_candidateText, SchemaHistory.Unbounded);

    [Benchmark]
    public CompatibilityResult BackwardTransitiveCheck() =>
        CompatibilityChecker.Check(_candidate, _previous, CompatibilityLevel.BackwardTransitive, CompatibilityPolicy.Strict);
}

/// <summary>
/// The two history shapes whose growth is judged (<c>tests/bench-compat.sh</c>). <see cref="HistoryShape.Stable"/>:
/// versions differ only in <c>$id</c>, so the work per version is the same and the check's own scaling in the number of
/// versions shows alone. <see cref="HistoryShape.ConstantDifference"/>: every older version differs from the candidate
/// in the same number of places, so each comparison does real work, the same amount for every version.
/// </summary>
public class TransitiveCheckBenchmarks : TransitiveCheck
{
    /// <inheritdoc/>
    [Params(HistoryShape.Stable, HistoryShape.ConstantDifference)]
    public override HistoryShape History { get; set; }
}

/// <summary>
/// For information, not judged: <see cref="HistoryShape.Relaxing"/>, where each version loosens something, so older versions
/// differ from the candidate in more places and the work per version grows with the distance until it saturates at the
/// schema's size. Its output grows with a version's age, so its cost grows faster than the number of versions by construction.
/// </summary>
public class RelaxingHistoryBenchmarks : TransitiveCheck
{
    /// <inheritdoc/>
    [Params(HistoryShape.Relaxing)]
    public override HistoryShape History { get; set; }
}
