using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EventContracts.SourceGen.Tests;

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
}

/// <summary>MSBuild properties (global) and item metadata (per file path), as the compiler passes them to generators.</summary>
internal sealed class TestOptions(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>>? perFile = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(perFile is not null && perFile.TryGetValue(textFile.Path, out var values) ? values : []);

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }", new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, Dictionary<string, string>? options = null, Dictionary<string, Dictionary<string, string>>? metadata = null) =>
        CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptions(options ?? [], metadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> CompileDiagnostics) Run(
        IEnumerable<AdditionalText> files, Dictionary<string, string>? options = null, Dictionary<string, Dictionary<string, string>>? metadata = null)
    {
        var driver = Driver(files, options, metadata).RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out _);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), output, diagnostics);
    }

    public static IReadOnlyList<AdditionalText> RealContracts() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "contracts"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryText(p, File.ReadAllText(p)))
            .ToList();

    /// <summary>Runs the generator over one schema, checks the output compiles cleanly, and loads it.</summary>
    public static (GeneratorDriverRunResult Result, Assembly Assembly) Compile(string path, string schema)
    {
        var (result, output, compile) = Run([new InMemoryText(path, schema)]);
        Assert.Empty(compile);
        return (result, Load(output));
    }

    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }

    public static string Source(GeneratorDriverRunResult result, string typeName) =>
        result.Results.Single().GeneratedSources.Single(s => s.HintName.Contains("." + typeName + ".", StringComparison.Ordinal)).SourceText.ToString();
}
