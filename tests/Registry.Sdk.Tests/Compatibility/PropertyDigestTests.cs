using System.Text.Json.Nodes;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// A property with the same name and schema text at the same position of <c>properties</c> is skipped by a digest taken
/// at parse, without reading its node. These tests hold that shortcut to what the full walk finds.
/// </summary>
public sealed class PropertyDigestTests
{
    [Fact]
    public void Unchanged_properties_are_skipped_and_the_changed_one_is_still_found()
    {
        var before = Parse("""{"a":{"type":"string","maxLength":10},"b":{"type":"integer"},"c":{"type":"boolean"}}""");
        var after = Parse("""{"a":{"type":"string","maxLength":10},"b":{"type":"integer","minimum":0},"c":{"type":"boolean"}}""");
        var (a, b, c) = (Digests(before), Digests(after), 0);

        Assert.Equal(a[0], b[0]);
        Assert.NotEqual(a[1], b[1]);
        Assert.Equal(a[2], b[2]);
        Assert.Equal(0, c);
        Assert.Equal(["MINIMUM_ADDED #/properties/b/minimum"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
    }

    [Fact]
    public void The_name_is_part_of_the_digest_so_a_renamed_property_is_removed_and_added()
    {
        var before = Parse("""{"a":{"type":"string"}}""");
        var after = Parse("""{"b":{"type":"string"}}""");

        Assert.NotEqual(Digests(before)[0], Digests(after)[0]);
        Assert.Equal(
            ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/a", "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b"],
            CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
    }

    [Fact]
    public void Reordered_properties_compare_by_name()
    {
        // "b" moves to position 0 and is narrowed; "a" moves to position 1 unchanged: neither can be skipped by position.
        var before = Parse("""{"a":{"type":"string"},"b":{"type":"number"}}""");
        var after = Parse("""{"b":{"type":"integer"},"a":{"type":"string"}}""");

        Assert.Equal(["TYPE_NARROWED #/properties/b"], Narrowing(after, before));
    }

    [Fact]
    public void A_property_whose_schema_holds_a_ref_has_no_digest_and_is_always_walked()
    {
        // Same text, but "#/$defs/t" names a string in one document and an integer in the other.
        var before = ContractSchema.Parse("""{"type":"object","$defs":{"t":{"type":"string"}},"properties":{"a":{"$ref":"#/$defs/t"}}}""");
        var after = ContractSchema.Parse("""{"type":"object","$defs":{"t":{"type":"integer"}},"properties":{"a":{"$ref":"#/$defs/t"}}}""");

        Assert.Equal(UInt128.Zero, Digests(before)[0]);
        Assert.Contains("TYPE_CHANGED #/properties/a", CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).Incompatible());
    }

    [Fact]
    public void Properties_of_different_drafts_are_walked_even_with_equal_digests()
    {
        // draft-04 reads "exclusiveMinimum": true as a flag on "minimum"; 2020-12 refuses a boolean there, so use the number form
        // only where it is valid and check that equal text under two drafts is not taken as equal meaning.
        var before = ContractSchema.Parse("""{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","properties":{"n":{"type":"number","minimum":1}}}""");
        var after = ContractSchema.Parse("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"n":{"type":"number","minimum":1}}}""");
        Assert.Equal(Digests(before)[0], Digests(after)[0]);
        Assert.Null(Check.ShortcutDisagreement(before, after));
    }

    [Fact]
    public void Every_corpus_pair_and_every_one_property_change_compares_as_the_walk_does()
    {
        var failures = new List<string>();
        var partlySkipped = 0;
        foreach (var (writer, reader) in CorpusPairs())
        {
            if (Check.ShortcutDisagreement(writer, reader) is { } disagreement)
            {
                failures.Add(disagreement);
            }

            var (w, r) = (Digests(writer), Digests(reader));
            if (w.Zip(r).Any(p => p.First != UInt128.Zero && p.First == p.Second) && !w.SequenceEqual(r))
            {
                partlySkipped++;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.True(partlySkipped > 300, $"only {partlySkipped} pairs skipped some properties and walked others: the test no longer exercises the shortcut");
    }

    private static ContractSchema Parse(string properties) =>
        ContractSchema.Parse($$"""{"type":"object","additionalProperties":false,"properties":{{properties}}}""");

    private static UInt128[] Digests(ContractSchema schema) => schema.Document.Root.Object?.PropertyDigests ?? [];

    private static string[] Narrowing(ContractSchema reader, ContractSchema writer) =>
        CompatibilityChecker.Check(reader, [writer], CompatibilityLevel.Backward).Incompatible();

    /// <summary>Every corpus (previous, candidate) pair both ways, and each schema against itself with one property changed (a constraint, or its description).</summary>
    private static IEnumerable<(ContractSchema Writer, ContractSchema Reader)> CorpusPairs()
    {
        foreach (var entry in CompatibilityCorpus.Entries)
        {
            var candidate = ContractSchema.Parse(entry.Json.GetProperty("candidate").GetRawText());
            foreach (var previous in entry.Json.GetProperty("previous").EnumerateArray().Select(p => ContractSchema.Parse(p.GetRawText())))
            {
                yield return (previous, candidate);
                yield return (candidate, previous);
            }

            foreach (var variant in OnePropertyChanged(candidate.Text))
            {
                var changed = ContractSchema.Parse(variant);
                yield return (candidate, changed);
                yield return (changed, candidate);
            }
        }
    }

    private static IEnumerable<string> OnePropertyChanged(string text)
    {
        if (JsonNode.Parse(text) is not JsonObject { } root || root["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var name in properties.Select(p => p.Key).ToList())
        {
            var copy = JsonNode.Parse(text)!.AsObject();
            var property = copy["properties"]![name];
            if (property is JsonObject schema)
            {
                schema["maxLength"] = schema["maxLength"] is null ? 7 : 1_000_003;
            }
            else
            {
                copy["properties"]![name] = new JsonObject { ["type"] = "string" };
            }

            yield return copy.ToJsonString();

            // The same property with another description: only its annotations digest differs.
            if (JsonNode.Parse(text)!["properties"]![name] is JsonObject)
            {
                var described = JsonNode.Parse(text)!.AsObject();
                described["properties"]![name]!["description"] = "Changed by the test.";
                yield return described.ToJsonString();
            }
        }
    }
}
