using System.Text.Json;
using System.Text.Json.Nodes;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// Versions that differ only in their root's <c>$id</c>, <c>title</c>, <c>description</c> or <c>default</c> are compared by
/// digests taken at parse instead of by walking them. These tests hold the shortcut to what the walk finds.
/// </summary>
public sealed class RootDigestTests
{
    private const string Body = """
        "type":"object","additionalProperties":false,
        "properties":{"id":{"type":"string","title":"Identifier","maxLength":36},"total":{"type":"number","default":0}},
        "required":["id"]
        """;

    [Fact]
    public void Versions_differing_only_in_root_annotations_report_exactly_those_changes()
    {
        var before = ContractSchema.Parse($$"""{"$id":"https://example.test/order.v1.json","title":"Order","description":"v1","default":{"id":"a"},{{Body}}}""");
        var after = ContractSchema.Parse($$"""{"$id":"https://example.test/order.v2.json","title":"Order placed","description":"v2","default":{"id":"b"},{{Body}}}""");
        AssertShortcutApplies(before, after);

        var result = CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward);

        Assert.True(result.IsCompatible);
        Assert.Equal(["ID_CHANGED #/", "TITLE_CHANGED #/", "DESCRIPTION_CHANGED #/", "DEFAULT_CHANGED #/"], result.All());
    }

    [Fact]
    public void Only_the_title_differs_and_only_the_title_is_reported()
    {
        var before = ContractSchema.Parse($$"""{"title":"Order","description":"An order",{{Body}}}""");
        var after = ContractSchema.Parse($$"""{"title":"Order placed","description":"An order",{{Body}}}""");
        AssertShortcutApplies(before, after);

        var result = CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward);

        Assert.Equal(["TITLE_CHANGED #/"], result.All());
        var difference = Assert.Single(CompatibilityChecker.Compare(before, after));
        Assert.Contains("Order placed", difference.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_default_written_differently_but_equal_is_no_change()
    {
        // Digests are taken of the text as written, so they differ; the values are then compared as JSON.
        var before = ContractSchema.Parse($$"""{"default":{"total":1.0,"id":"a"},{{Body}}}""");
        var after = ContractSchema.Parse($$"""{"default":{"id":"a","total":1},{{Body}}}""");
        AssertShortcutApplies(before, after);

        Assert.Empty(CompatibilityChecker.Compare(before, after));
    }

    [Fact]
    public void Annotation_changes_below_the_root_are_still_found()
    {
        var before = ContractSchema.Parse($$"""{"$id":"https://example.test/order.v1.json",{{Body}}}""");
        var after = ContractSchema.Parse($$"""{"$id":"https://example.test/order.v2.json",{{Body.Replace("Identifier", "Order id", StringComparison.Ordinal)}}}""");

        var result = CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward);

        Assert.Equal(["ID_CHANGED #/", "TITLE_CHANGED #/properties/id"], result.All());
    }

    [Fact]
    public void A_changed_root_id_that_makes_a_ref_resolve_elsewhere_is_still_found()
    {
        // "item.json" resolves against the root's $id: under .../a/ it names the string schema, under .../b/ the integer one.
        const string Rest = """
            "type":"object",
            "$defs":{"a":{"$id":"https://example.test/a/item.json","type":"string"},"b":{"$id":"https://example.test/b/item.json","type":"integer"}},
            "properties":{"item":{"$ref":"item.json"}}
            """;
        var before = ContractSchema.Parse($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://example.test/a/order.json",{{Rest}}}""");
        var after = ContractSchema.Parse($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://example.test/b/order.json",{{Rest}}}""");

        var result = CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward);

        Assert.False(result.IsCompatible);
        Assert.Contains("TYPE_CHANGED #/properties/item", result.Incompatible());
        Assert.Null(before.RootDigest);
    }

    [Theory]
    [InlineData("""{"title":"t","type":["string","null"]}""")]
    [InlineData("""{"title":"t","type":"object","allOf":[{"required":["a"]}]}""")]
    [InlineData("""{"title":"t","anyOf":[{"type":"string"},{"type":"null"}]}""")]
    [InlineData("""{"title":"t","type":"object","properties":{"a":{"$ref":"#/$defs/a"}},"$defs":{"a":{"type":"string"}}}""")]
    [InlineData("""true""")]
    public void Roots_the_walk_compares_in_branches_or_through_refs_get_no_digest(string schema) =>
        Assert.Null(ContractSchema.Parse(schema).RootDigest);

    [Fact]
    public void Every_corpus_schema_with_changed_root_annotations_compares_as_the_walk_does()
    {
        var failures = new List<string>();
        var shortcuts = 0;
        // Written out the way the variants are, so that only the annotations tell them apart.
        foreach (var text in CorpusSchemas().Select(schema => JsonNode.Parse(schema)!.ToJsonString()))
        {
            var original = ContractSchema.Parse(text);
            foreach (var variant in Variants(text, original.Draft))
            {
                var changed = ContractSchema.Parse(variant);
                foreach (var (writer, reader) in new[] { (original, changed), (changed, original) })
                {
                    if (writer.RootDigest is { } w && reader.RootDigest is { } r && w.BodyHash == r.BodyHash)
                    {
                        shortcuts++;
                    }

                    if (Check.ShortcutDisagreement(writer, reader) is { } disagreement)
                    {
                        failures.Add(disagreement);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.True(shortcuts > 5000, $"the shortcut was taken only {shortcuts} times: the test no longer exercises it");
    }

    private static void AssertShortcutApplies(ContractSchema before, ContractSchema after)
    {
        Assert.NotNull(before.RootDigest);
        Assert.NotNull(after.RootDigest);
        Assert.Equal(before.RootDigest.Value.BodyHash, after.RootDigest.Value.BodyHash);
    }

    /// <summary>The schema with its root annotations changed, added or removed, one way or all at once.</summary>
    private static IEnumerable<string> Variants(string text, JsonSchemaDraft draft)
    {
        if (JsonNode.Parse(text) is not JsonObject)
        {
            yield break;
        }

        var id = draft == JsonSchemaDraft.Draft4 ? "id" : "$id";
        var changes = new (string Keyword, JsonNode? Value)[]
        {
            (id, "https://example.test/changed.json"),
            ("title", "Changed"),
            ("description", "Changed"),
            ("default", new JsonObject { ["changed"] = true }),
        };
        foreach (var (keyword, value) in changes)
        {
            yield return With(text, root => root[keyword] = value?.DeepClone());
            yield return With(text, root => root.Remove(keyword));
        }

        yield return With(text, root =>
        {
            foreach (var (keyword, value) in changes)
            {
                root[keyword] = value?.DeepClone();
            }
        });
    }

    private static string With(string text, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static IEnumerable<string> CorpusSchemas()
    {
        foreach (var entry in CompatibilityCorpus.Entries)
        {
            foreach (var previous in entry.Json.GetProperty("previous").EnumerateArray())
            {
                yield return previous.GetRawText();
            }

            yield return entry.Json.GetProperty("candidate").GetRawText();
        }
    }
}
