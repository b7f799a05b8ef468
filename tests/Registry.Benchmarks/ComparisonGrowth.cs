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
/// that margin; this is the same measurement without that source of noise. Two controls in the same rounds tell what the
/// growth is made of (see <c>Run</c>).
/// </summary>
internal static class ComparisonGrowth
{
    private static readonly int[] Sizes = [100, 1000];

    public static void Run(int properties)
    {
        Run(properties, HistoryShape.ConstantDifference);
        Run(properties, HistoryShape.Stable);
    }

    private static void Run(int properties, HistoryShape shape)
    {
        var histories = Sizes.ToDictionary(n => n, n =>
        {
            var options = SchemaHistory.Unbounded with { Pool = new SubschemaPool() };
            var schemas = SchemaHistory.Generate(n + 1, properties, shape).Select(text => ContractSchema.Parse(text, options)).ToArray();
            return (Candidate: schemas[^1], Previous: schemas[..^1]);
        });

        // Two controls: the same 1,000 comparisons over only 100 distinct versions (the 100-version history ten times over),
        // and 100 comparisons over versions spread across the whole 1,000-version heap (every tenth). If the first costs what
        // the 100-version check costs per comparison, neither the number of comparisons nor the size of the result is what
        // grows; if the second does too, neither is the size of the heap: what is left is how many distinct versions one
        // check reads.
        var cases = new (string Name, ContractSchema Candidate, ContractSchema[] Previous)[]
        {
            ("100 versions", histories[100].Candidate, histories[100].Previous),
            ("1,000 versions", histories[1000].Candidate, histories[1000].Previous),
            ("100 versions ten times over", histories[100].Candidate, [.. Enumerable.Repeat(histories[100].Previous, 10).SelectMany(p => p)]),
            ("every tenth of 1,000 versions", histories[1000].Candidate, [.. histories[1000].Previous.Where((_, i) => i % 10 == 0)]),
        };

        var samples = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 40; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var (_, candidate, previous) = cases[c];
                var repetitions = Math.Max(2, (shape == HistoryShape.Stable ? 200_000 : 10_000) / previous.Length);
                var clock = Stopwatch.StartNew();
                for (var r = 0; r < repetitions; r++)
                {
                    CompatibilityChecker.Check(candidate, previous, CompatibilityLevel.BackwardTransitive);
                }

                if (round >= 3)
                {
                    samples[c].Add(clock.Elapsed.TotalNanoseconds / repetitions / previous.Length);
                }
            }
        }

        var perComparison = samples.Select(list => list.Order().ElementAt(list.Count / 2)).ToArray();
        var growth = perComparison[1] / perComparison[0];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{properties} properties, {shape}, BACKWARD_TRANSITIVE: {perComparison[0]:F0} ns per comparison against 100 previous versions, {perComparison[1]:F0} ns against 1,000: {growth:F2}x, so 10x the versions cost {growth * 10:F2}x the time (limit 12)."));
        for (var c = 2; c < cases.Length; c++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"    control, {cases[c].Name}: {perComparison[c]:F0} ns per comparison ({perComparison[c] / perComparison[0]:F2}x the 100-version check's)"));
        }
    }
}
