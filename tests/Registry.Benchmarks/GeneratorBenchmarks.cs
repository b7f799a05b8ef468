using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using EventContracts.SourceGen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EventContracts.Benchmarks;

/// <summary>
/// The source generator's time for <see cref="Contracts"/> synthetic contracts (<see cref="SyntheticContracts"/>):
/// a first run on a new driver (<see cref="Cold"/>, what a clean build pays) and a rerun after one contract was
/// edited (<see cref="OneEdited"/>, what an IDE or an incremental build pays for each edit).
/// </summary>
/// <remarks>
/// <see cref="Cold"/> is the baseline, so the Ratio column gives an edit in units of a full run of the same
/// contracts, measured in the same run. Both run through <see cref="CSharpGeneratorDriver"/>, which also parses the
/// generated sources into syntax trees as the compiler does; compiling them is not measured. Not sealed:
/// BenchmarkDotNet generates a class that derives from it.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 6)]
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private ImmutableArray<ISourceGenerator> _generators;
    private ImmutableArray<AdditionalText> _files;
    private Compilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _edited = null!;

    /// <summary>How many contract files the generator sees.</summary>
    [Params(10, 100, 500)]
    public int Contracts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generators = [new ContractGenerator().AsSourceGenerator()];
        _files = [.. SyntheticContracts.Generate(Contracts).Select(c => (AdditionalText)new InMemoryContract(c.Path, c.Text))];
        _edited = new InMemoryContract(_files[0].Path, SyntheticContracts.Edited(0));

        // The generator reads no symbols; a one-line compilation stands for the consumer's project.
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }", ParseOptions)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        _warm = Cold();
        Check(_warm, "cold");
        Check(OneEdited(), "after one edit");
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() =>
        CSharpGeneratorDriver.Create(_generators, _files, ParseOptions, ContractMetadata.Instance).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver OneEdited() => _warm.ReplaceAdditionalText(_files[0], _edited).RunGenerators(_compilation);

    /// <summary>A benchmark of a generator that reports problems or skips files would measure the wrong thing.</summary>
    private void Check(GeneratorDriver driver, string what)
    {
        var result = driver.GetRunResult();
        // One file per contract, plus EventContractsJsonResolver.g.cs over all of them.
        if (!result.Diagnostics.IsEmpty || result.GeneratedTrees.Length != Contracts + 1)
        {
            throw new InvalidOperationException(
                $"{what}: expected {Contracts + 1} generated files and no diagnostics, got {result.GeneratedTrees.Length} files and " +
                string.Join("; ", result.Diagnostics));
        }
    }

    private sealed class InMemoryContract(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>
    /// What MSBuild passes for files added by build/EventContracts.Registry.SourceGen.props: every additional file is
    /// marked as a contract.
    /// </summary>
    private sealed class ContractMetadata : AnalyzerConfigOptionsProvider
    {
        public static ContractMetadata Instance { get; } = new();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(null);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options("build_metadata.AdditionalFiles.EventContractsContract");

        private sealed class Options(string? contractKey) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = "true";
                return string.Equals(key, contractKey, StringComparison.Ordinal);
            }
        }
    }
}
