using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EventContracts.SourceGen.Tests;

/// <summary>
/// Every schema of the compatibility cases (tests/Registry.Sdk.Tests/Cases), each as a contract file: the
/// generator must never crash, and whatever it generates without an error diagnostic must compile.
/// </summary>
public class CorpusTests
{
    [Fact]
    public void Every_case_schema_either_compiles_or_gets_an_error_diagnostic()
    {
        var files = new List<AdditionalText>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var schema in Schemas(JsonNode.Parse(File.ReadAllText(path))!).Where(IsEventShaped))
            {
                // corpus.c<N>.added.v1.json: a valid contract name per schema, so each becomes its own type.
                files.Add(new InMemoryText("/corpus/corpus/corpus.c" + files.Count + ".added.v1.json", schema.ToJsonString()));
            }
        }

        var (result, _, compile) = GeneratorHarness.Run(files);

        Assert.True(files.Count > 200, "the corpus has " + files.Count + " event-shaped schemas");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        Assert.Null(result.Results.Single().Exception);
        var failedFiles = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.GetLineSpan().Path).ToHashSet();
        var broken = compile
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Where(d => !failedFiles.Any(f => d.Location.SourceTree?.FilePath.Contains(TypeName(f), StringComparison.Ordinal) == true))
            .ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(10).Select(d => d.Location.SourceTree?.FilePath + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, errors.Count + " of " + files.Count + " schemas got an error:\n" + string.Join("\n", errors.Select(d => d.Location.GetLineSpan().Path + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>What an event contract looks like: an object schema with properties at the root.</summary>
    private static bool IsEventShaped(JsonNode schema) =>
        schema is JsonObject o && o["properties"] is JsonObject && (o["type"] is null || o["type"]!.ToJsonString() == "\"object\"");

    private static string TypeName(string path)
    {
        var n = Path.GetFileName(path).Split('.')[1];
        return ".CorpusC" + n[1..] + "AddedV1.";
    }

    private static IEnumerable<JsonNode> Schemas(JsonNode cases)
    {
        foreach (var c in cases.AsArray())
        {
            foreach (var previous in c!["previous"]!.AsArray())
            {
                yield return previous!;
            }

            yield return c["candidate"]!;
        }
    }
}
