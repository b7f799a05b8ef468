using System.Diagnostics;
using System.Globalization;
using EventContracts.Compatibility;
using EventContracts.Schemas;

namespace EventContracts.Benchmarks;

/// <summary>
/// <c>--growth [properties…]</c>: what one comparison costs against a 1,000-version history relative to a 100-version one,
/// measured in one process, for the two shapes <c>tests/bench-compat.sh</c> judges. The two histories of a shape (parsed through one
/// <see cref="SubschemaPool"/> each, as the registry holds them) are checked alternately for 40 rounds, first 3 dropped,
/// and the medians compared, so machine drift and where a process's heap happens to lie hit both alike. A check of
/// 1,000 previous versions is linear within the limit when one comparison costs at most 1.2× what it costs
/// against 100. BenchmarkDotNet runs each case in a process of its own, which on a shared machine moves a case by more than
/// that margin; this is the same measurement without that source of noise.
/// </summary>
internal static class ComparisonGrowth
{
    public static void Run(int properties)
    {
        Run(properties, HistoryShape.ConstantDifference);
        Run(properties, HistoryShape.Stable);
    }

    private static void Run(int properties, HistoryShape shape)
    {
        int[] sizes = [100, 1000];
        var histories = sizes.ToDictionary(n => n, n =>
        {
            var options = SchemaHistory.Unbounded with { Pool = new SubschemaPool() };
            var schemas = SchemaHistory.Generate(n + 1, properties, shape).Select(text => ContractSchema.Parse(text, options)).ToArray();
            return (Candidate: schemas[^1], Previous: schemas[..^1]);
        });

        var samples = sizes.ToDictionary(n => n, _ => new List<double>());
        for (var round = 0; round < 40; round++)
        {
            foreach (var n in sizes)
            {
                var (candidate, previous) = histories[n];
                var repetitions = Math.Max(2, (shape == HistoryShape.Stable ? 200_000 : 10_000) / n);
                var clock = Stopwatch.StartNew();
                for (var r = 0; r < repetitions; r++)
                {
                    CompatibilityChecker.Check(candidate, previous, CompatibilityLevel.BackwardTransitive);
                }

                if (round >= 3)
                {
                    samples[n].Add(clock.Elapsed.TotalNanoseconds / repetitions / previous.Length);
                }
            }
        }

        var perComparison = sizes.ToDictionary(n => n, n => samples[n].Order().ElementAt(samples[n].Count / 2));
        var growth = perComparison[1000] / perComparison[100];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{properties} properties, {shape}, BACKWARD_TRANSITIVE: {perComparison[100]:F0} ns per comparison against 100 previous versions, {perComparison[1000]:F0} ns against 1,000: {growth:F2}x, so 10x the versions cost {growth * 10:F2}x the time (limit 12)."));
    }
}
