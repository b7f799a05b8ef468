using BenchmarkDotNet.Running;

// Not typeof(Program): Registry.Api (which CanIDeployBenchmarks hosts) has a public Program too.
BenchmarkSwitcher.FromAssembly(typeof(EventContracts.Benchmarks.TransitiveCheckBenchmarks).Assembly).Run(args);
