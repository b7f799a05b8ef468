using System.Text.Json;
using System.Text.Json.Nodes;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// An invariant over every schema in the corpus: a schema and the same schema written differently (indented, so
/// not byte-identical) have no differences. The engine skips byte-identical subschemas, which is only sound if so.
/// </summary>
public sealed class SelfComparisonTests
{
    [Fact]
    public void Every_corpus_schema_compared_with_itself_reformatted_has_no_differences()
    {
        var schemas = CorpusSchemas().ToList();
        Assert.True(schemas.Count > 300, $"only {schemas.Count} schemas found in the corpus");

        var failures = new List<string>();
        foreach (var text in schemas)
        {
            var compact = ContractSchema.Parse(text);
            var indented = ContractSchema.Parse(JsonNode.Parse(text)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            foreach (var (writer, reader) in new[] { (compact, indented), (indented, compact) })
            {
                var differences = CompatibilityChecker.Compare(writer, reader);
                if (differences.Count > 0)
                {
                    failures.Add($"{text}: {string.Join(", ", differences.Select(d => $"{d.Type.ToWireName()} {d.Path}"))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    private static IEnumerable<string> CorpusSchemas()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Cases", "compat"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in document.RootElement.EnumerateArray())
            {
                foreach (var previous in item.GetProperty("previous").EnumerateArray())
                {
                    yield return previous.GetRawText();
                }

                yield return item.GetProperty("candidate").GetRawText();
            }
        }
    }
}
