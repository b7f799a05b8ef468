using EventContracts.Compatibility;
using EventContracts.Schemas;
using EventContracts.Schemas.Model;
using Xunit;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// Digests taken at parse let a comparison skip what did not change without reading it: a block of
/// <see cref="ObjectFacet.PropertyBlock"/> properties, a subschema (<see cref="SchemaNode.TextDigest"/>) and a node's
/// annotations (<see cref="SchemaNode.AnnotationsDigest"/>). These tests hold each shortcut to the full walk, which
/// decides on the text and the strings themselves.
/// </summary>
public sealed class NodeDigestTests
{
    // Two full blocks and a short one.
    private const int Count = 40;

    [Fact]
    public void A_change_at_any_position_of_a_map_of_several_blocks_is_found_as_the_walk_finds_it()
    {
        var before = Large();
        for (var k = 0; k < Count; k++)
        {
            var after = Large(maxLength: i => i == k ? 80 : 64);

            Assert.Equal([$"MAX_LENGTH_INCREASED #/properties/p{k}/maxLength"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
            AssertSameAsWalk(before, after);
            AssertSameAsWalk(after, before);
        }
    }

    [Fact]
    public void Changes_in_two_blocks_are_reported_in_the_writers_property_order()
    {
        var before = Large();
        var after = Large(maxLength: i => i is 3 or 35 ? 80 : 64);

        Assert.Equal(
            ["MAX_LENGTH_INCREASED #/properties/p3/maxLength", "MAX_LENGTH_INCREASED #/properties/p35/maxLength"],
            CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
        AssertSameAsWalk(after, before);
    }

    [Fact]
    public void Only_the_block_holding_a_changed_entry_gets_another_digest()
    {
        var before = Blocks(Large());
        var after = Blocks(Large(maxLength: i => i == 20 ? 80 : 64));

        Assert.Equal(3, before.Length);
        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
        Assert.Equal(before[2], after[2]);
    }

    [Fact]
    public void A_property_inserted_at_the_front_shifts_every_block_and_the_rest_still_compare_by_name()
    {
        var before = Large();
        var after = Large(first: "\"added\":{\"type\":\"string\"},");

        Assert.NotEqual(Blocks(before)[0], Blocks(after)[0]);
        Assert.Equal(["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/added"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
        AssertSameAsWalk(after, before);
    }

    [Fact]
    public void A_longer_map_does_not_match_a_shorter_one_in_its_last_block()
    {
        // 40 and 41 properties: the same first 40, so the third block covers 8 entries in one and 9 in the other.
        var before = Large();
        var after = Large(last: ""","p40":{"type":"boolean"}""");

        Assert.Equal(Blocks(before)[1], Blocks(after)[1]);
        Assert.NotEqual(Blocks(before)[2], Blocks(after)[2]);
        Assert.Equal(["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/p40"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        Assert.Equal(["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/p40"], CompatibilityChecker.Check(before, [after], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
        AssertSameAsWalk(after, before);
    }

    [Fact]
    public void Properties_swapped_across_blocks_compare_by_name()
    {
        var before = Large();
        var after = Large(swap: (2, 30), maxLength: i => i == 30 ? 32 : 64);

        Assert.Equal(["MAX_LENGTH_DECREASED #/properties/p30/maxLength"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).Incompatible());
        AssertSameAsWalk(before, after);
        AssertSameAsWalk(after, before);
    }

    [Fact]
    public void A_ref_inside_one_property_leaves_its_block_and_node_without_digest_and_is_always_walked()
    {
        // The same text in both, but "#/$defs/t" is a string in one document and an integer in the other.
        var before = Large(first: "\"r\":{\"$ref\":\"#/$defs/t\"},", defs: """{"t":{"type":"string"}}""");
        var after = Large(first: "\"r\":{\"$ref\":\"#/$defs/t\"},", defs: """{"t":{"type":"integer"}}""");

        Assert.Equal(UInt128.Zero, Blocks(before)[0]);
        Assert.NotEqual(UInt128.Zero, Blocks(before)[1]);
        Assert.Equal(UInt128.Zero, before.Document.Root.Object!.Properties[0].Schema.TextDigest);
        Assert.Contains("TYPE_CHANGED #/properties/r", CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).Incompatible());
        AssertSameAsWalk(before, after);
    }

    [Fact]
    public void A_nested_change_is_found_under_an_unchanged_sibling()
    {
        const string Before = """{"type":"object","properties":{"a":{"type":"object","properties":{"city":{"type":"string","maxLength":10},"code":{"type":"string","pattern":"^[A-Z]{2}$"}}}}}""";
        var before = ContractSchema.Parse(Before);
        var after = ContractSchema.Parse(Before.Replace("\"maxLength\":10", "\"maxLength\":20", StringComparison.Ordinal));
        var (a, b) = (Nested(before), Nested(after));

        Assert.NotEqual(before.Document.Root.Object!.Properties[0].Schema.TextDigest, after.Document.Root.Object!.Properties[0].Schema.TextDigest);
        Assert.NotEqual(a.Properties[0].Schema.TextDigest, b.Properties[0].Schema.TextDigest);
        Assert.Equal(a.Properties[1].Schema.TextDigest, b.Properties[1].Schema.TextDigest);
        Assert.Equal(["MAX_LENGTH_INCREASED #/properties/a/properties/city/maxLength"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
        AssertSameAsWalk(after, before);

        static ObjectFacet Nested(ContractSchema schema) => schema.Document.Root.Object!.Properties[0].Schema.Object!;
    }

    [Fact]
    public void A_changed_description_deep_in_a_large_map_is_reported()
    {
        var before = Large();
        var after = Large(description: i => i == 25 ? "Changed." : "Text.");

        Assert.NotEqual(Property(before, 25).AnnotationsDigest, Property(after, 25).AnnotationsDigest);
        Assert.Equal(Property(before, 24).AnnotationsDigest, Property(after, 24).AnnotationsDigest);
        Assert.Equal(["DESCRIPTION_CHANGED #/properties/p25"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
    }

    [Fact]
    public void Defaults_written_differently_but_equal_have_other_digests_and_report_nothing()
    {
        var before = ContractSchema.Parse("""{"type":"object","properties":{"n":{"type":"number","default":1}}}""");
        var after = ContractSchema.Parse("""{"type":"object","properties":{"n":{"type":"number","default":1.0}}}""");

        Assert.NotEqual(Property(before, 0).AnnotationsDigest, Property(after, 0).AnnotationsDigest);
        Assert.Empty(CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
    }

    [Fact]
    public void An_absent_annotation_never_digests_like_an_empty_one()
    {
        var before = ContractSchema.Parse("""{"type":"object","properties":{"s":{"type":"string"}}}""");
        var after = ContractSchema.Parse("""{"type":"object","properties":{"s":{"type":"string","title":""}}}""");

        Assert.NotEqual(Property(before, 0).AnnotationsDigest, Property(after, 0).AnnotationsDigest);
        Assert.Equal(["TITLE_CHANGED #/properties/s"], CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
    }

    [Fact]
    public void The_same_text_under_two_drafts_has_two_node_digests()
    {
        var before = ContractSchema.Parse("""{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"s":{"type":"string"}}}""");
        var after = ContractSchema.Parse("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"s":{"type":"string"}}}""");

        Assert.NotEqual(Property(before, 0).TextDigest, Property(after, 0).TextDigest);
        AssertSameAsWalk(before, after);
    }

    [Fact]
    public void Root_annotations_decided_on_the_root_digests_are_reported_beside_other_changes()
    {
        const string Before = """{"$id":"https://example.test/a.v1.json","title":"A","description":"First.","default":{},"type":"object","properties":{"s":{"type":"string","maxLength":5}}}""";
        var before = ContractSchema.Parse(Before);
        var after = ContractSchema.Parse(Before
            .Replace("a.v1", "a.v2", StringComparison.Ordinal)
            .Replace("First.", "Second.", StringComparison.Ordinal)
            .Replace("\"maxLength\":5", "\"maxLength\":6", StringComparison.Ordinal));

        Assert.NotNull(before.RootDigest);
        Assert.NotEqual(before.RootDigest!.Value.BodyHash, after.RootDigest!.Value.BodyHash);
        Assert.Equal(
            ["ID_CHANGED #/", "DESCRIPTION_CHANGED #/", "MAX_LENGTH_INCREASED #/properties/s/maxLength"],
            CompatibilityChecker.Check(after, [before], CompatibilityLevel.Backward).All());
        AssertSameAsWalk(before, after);
        AssertSameAsWalk(after, before);
    }

    [Fact]
    public void A_root_has_no_node_digest()
    {
        Assert.Equal(UInt128.Zero, Large().Document.Root.TextDigest);
    }

    /// <summary>A closed object of string properties <c>p0</c>…<c>p{Count-1}</c>, with the given tweaks.</summary>
    private static ContractSchema Large(
        Func<int, int>? maxLength = null,
        Func<int, string>? description = null,
        string first = "",
        string last = "",
        (int A, int B)? swap = null,
        string? defs = null)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        if (swap is { } s)
        {
            (order[s.A], order[s.B]) = (order[s.B], order[s.A]);
        }

        var properties = order.Select(i =>
            $$""" "p{{i}}":{"description":"{{description?.Invoke(i) ?? "Text."}}","type":"string","maxLength":{{maxLength?.Invoke(i) ?? 64}}}""");
        var definitions = defs is null ? "" : $$""","$defs":{{defs}}""";
        return ContractSchema.Parse(
            $$"""{"type":"object","additionalProperties":false{{definitions}},"properties":""" + "{" + first + string.Join(",", properties) + last + "}}");
    }

    private static UInt128[] Blocks(ContractSchema schema) => schema.Document.Root.Object!.PropertyBlockDigests;

    private static SchemaNode Property(ContractSchema schema, int index) => schema.Document.Root.Object!.Properties[index].Schema;

    private static void AssertSameAsWalk(ContractSchema writer, ContractSchema reader) =>
        Assert.Null(Check.ShortcutDisagreement(writer, reader));
}
