using BenchmarkDotNet.Running;

if (args is ["--growth", ..])
{
    // Not a BenchmarkDotNet run: see ComparisonGrowth.
    foreach (var properties in args.Length > 1 ? args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)) : [50, 500])
    {
        EventContracts.Benchmarks.ComparisonGrowth.Run(properties);
    }

    return;
}

// Not typeof(Program): Registry.Api (which CanIDeployBenchmarks hosts) has a public Program too.
BenchmarkSwitcher.FromAssembly(typeof(EventContracts.Benchmarks.TransitiveCheckBenchmarks).Assembly).Run(args);
