using System.Text;
using System.Text.Json.Nodes;
using EventContracts.Schemas;
using EventContracts.Serialization.Validation;
using NJsonSchema;
using Xunit;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>
/// The streaming validator is hand-written for speed (NJsonSchema, which Confluent's serializer uses, costs more than the
/// whole serialization budget); this holds it to NJsonSchema's verdicts. Every compatibility-case schema the streaming
/// path compiles, against values made from the schema and a palette of wrong-typed ones.
/// </summary>
public sealed class ValidatorAgreementTests
{
    private static readonly string[] Palette = ["null", "true", "0", "-1", "1.5", "\"\"", "\"x\"", "\"2026-11-29T10:15:30Z\"", "[]", "[1]", "{}", "[\"a\",\"a\"]"];

    [Fact]
    public async Task Streaming_validator_agrees_with_NJsonSchema_on_every_case_schema()
    {
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var schema in CaseSchemas())
        {
            // NJsonSchema 11 resolves references under "definitions" only; both sides get the same rewritten text.
            var text = schema.ToJsonString().Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
            if (!TryCompile(text, out var streaming) || UsesFormats(text))
            {
                continue;
            }

            JsonSchema reference;
            try
            {
                reference = await JsonSchema.FromJsonAsync(text);
            }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException)
            {
                // NJsonSchema cannot load boolean subschemas ("extra": true) nor some nested references; nothing to compare.
                continue;
            }

            foreach (var value in Values(JsonNode.Parse(text)!))
            {
                compared++;
                var ours = streaming.IsValid(value);
                var theirs = reference.Validate(value).Count == 0;
                if (ours != theirs)
                {
                    disagreements.Add($"{(ours ? "streaming accepts" : "streaming refuses")}, NJsonSchema {(theirs ? "accepts" : "refuses")}: {value}\n  schema: {text}");
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} comparisons");
        Console.WriteLine($"{compared} verdicts compared");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {compared} disagree:\n" + string.Join("\n", disagreements.Take(8)));
    }

    private sealed class Streaming(SchemaNode root)
    {
        public bool IsValid(string json) => StreamingValidator.Validate(root, Encoding.UTF8.GetBytes(json)) is null;
    }

    private static bool TryCompile(string text, out Streaming streaming)
    {
        streaming = null!;
        try
        {
            if (SchemaCompiler.TryCompile(ContractSchema.Parse(text).Root) is { } root)
            {
                streaming = new Streaming(root);
                return true;
            }
        }
        catch (SchemaException)
        {
        }

        return false;
    }

    // Formats are an annotation in 2019-09 and later; the two validators legitimately differ on which they assert.
    private static bool UsesFormats(string text) => text.Contains("\"format\"", StringComparison.Ordinal);

    /// <summary>The palette at the root, and an object per property holding each palette value, plus the minimal required object.</summary>
    private static IEnumerable<string> Values(JsonNode schema)
    {
        foreach (var value in Palette)
        {
            yield return value;
        }

        if (schema["properties"] is not JsonObject properties)
        {
            yield break;
        }

        var required = new JsonObject();
        foreach (var (name, _) in properties)
        {
            if (schema["required"] is JsonArray r && r.Any(n => n?.GetValue<string>() == name))
            {
                required[name] = "x";
            }
        }

        yield return required.ToJsonString();
        foreach (var (name, _) in properties)
        {
            foreach (var value in Palette)
            {
                var instance = required.DeepClone().AsObject();
                instance[name] = JsonNode.Parse(value);
                yield return instance.ToJsonString();
            }
        }

        var extra = required.DeepClone().AsObject();
        extra["notDeclared"] = 1;
        yield return extra.ToJsonString();
    }

    private static IEnumerable<JsonNode> CaseSchemas()
    {
        var folder = Path.Combine(Root(), "tests", "Registry.Sdk.Tests", "Cases", "compat");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var c in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
            {
                foreach (var previous in c!["previous"]!.AsArray())
                {
                    yield return previous!;
                }

                yield return c["candidate"]!;
            }
        }
    }

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EventContracts.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("EventContracts.sln not found above " + AppContext.BaseDirectory);
    }
}
