using EventContracts.Compatibility;
using EventContracts.Linting;
using EventContracts.Schemas;
using EventContracts.Schemas.Model;
using SchemaNode = EventContracts.Schemas.Model.SchemaNode;
using EventContracts.Tests.Compatibility;
using Xunit;

namespace EventContracts.Tests.Schemas;

/// <summary>
/// Schemas parsed through one <see cref="SubschemaPool"/> share the subschemas they have in common (same text, same
/// place, same draft, no <c>$ref</c>), and nothing a comparison, a finding or an error reports may change because of it.
/// </summary>
public sealed class SubschemaPoolTests
{
    private const string V1 = """
        {"type":"object","additionalProperties":false,"required":["id"],"properties":{
          "id":{"type":"string","format":"uuid","description":"Order id."},
          "note":{"type":"string","maxLength":64,"description":"Free text."},
          "total":{"type":"object","description":"Money.","properties":{"amount":{"type":"number","minimum":0},"currency":{"type":"string","pattern":"^[A-Z]{3}$"}}}}}
        """;

    private static readonly string V2 = V1.Replace("\"maxLength\":64", "\"maxLength\":80", StringComparison.Ordinal);

    [Fact]
    public void Versions_parsed_through_one_pool_share_their_unchanged_subschemas_and_not_the_changed_one()
    {
        var pool = new SubschemaPool();
        var (v1, v2) = (Parse(V1, pool), Parse(V2, pool));

        Assert.Same(Property(v1, "id"), Property(v2, "id"));
        Assert.Same(Property(v1, "total"), Property(v2, "total"));
        Assert.Same(v1.RootNode.Object!.AdditionalProperties, v2.RootNode.Object!.AdditionalProperties);
        Assert.NotSame(Property(v1, "note"), Property(v2, "note"));
        Assert.NotSame(v1.RootNode, v2.RootNode);
    }

    [Fact]
    public void Without_a_pool_every_schema_has_subschemas_of_its_own()
    {
        var (v1, v2) = (ContractSchema.Parse(V1), ContractSchema.Parse(V2));

        Assert.NotSame(Property(v1, "id"), Property(v2, "id"));
    }

    [Fact]
    public void The_same_text_at_another_place_is_not_shared_so_every_node_keeps_its_own_pointer()
    {
        var pool = new SubschemaPool();
        var v1 = Parse(V1, pool);
        var renamed = Parse(V1.Replace("\"id\":{", "\"orderId\":{", StringComparison.Ordinal), pool);

        Assert.NotSame(Property(v1, "id"), Property(renamed, "orderId"));
        Assert.Equal("#/properties/orderId", Property(renamed, "orderId").Pointer);
    }

    [Fact]
    public void The_same_text_under_another_draft_is_not_shared()
    {
        var pool = new SubschemaPool();
        var draft7 = Parse(V1, pool);
        var draft4 = Parse(V1.Replace("{\"type\":\"object\",\"additionalProperties\"", "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"additionalProperties\"", StringComparison.Ordinal), pool);

        Assert.Equal(JsonSchemaDraft.Draft4, draft4.Draft);
        Assert.NotSame(Property(draft7, "id"), Property(draft4, "id"));
    }

    [Fact]
    public void A_subschema_holding_a_ref_is_never_shared_because_the_ref_may_mean_something_else()
    {
        // The same text for "r", but "#/$defs/t" is a string in one document and an integer in the other.
        const string Before = """{"type":"object","properties":{"r":{"$ref":"#/$defs/t"}},"$defs":{"t":{"type":"string"}}}""";
        var after = Before.Replace("\"type\":\"string\"", "\"type\":\"integer\"", StringComparison.Ordinal);
        var pool = new SubschemaPool();
        var (v1, v2) = (Parse(Before, pool), Parse(after, pool));

        Assert.NotSame(Property(v1, "r"), Property(v2, "r"));
        Assert.Contains("TYPE_CHANGED #/properties/r", CompatibilityChecker.Check(v2, [v1], CompatibilityLevel.Backward).Incompatible());
    }

    [Fact]
    public void A_pattern_compiled_under_another_regex_timeout_is_not_shared()
    {
        var pool = new SubschemaPool();
        var quick = Parse(V1, pool, SchemaLimits.Default with { RegexTimeout = TimeSpan.FromMilliseconds(50) });
        var slow = Parse(V1, pool, SchemaLimits.Default with { RegexTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.NotSame(Property(quick, "total"), Property(slow, "total"));
    }

    [Fact]
    public void A_schema_sharing_subschemas_reports_positions_and_findings_from_its_own_text()
    {
        // The same schema moved down three lines: every subschema is shared, every position is this file's.
        var pool = new SubschemaPool();
        var first = Parse(V1, pool);
        var moved = ContractSchema.Parse("\n\n\n" + V1, new SchemaParseOptions { Pool = pool, SourcePath = "moved.json" });
        var alone = ContractSchema.Parse("\n\n\n" + V1, new SchemaParseOptions { SourcePath = "moved.json" });

        Assert.Same(Property(first, "note"), Property(moved, "note"));
        Assert.Equal(first.PositionOf("#/properties/note")!.Value.Line + 3, moved.PositionOf("#/properties/note")!.Value.Line);
        var findings = ContractLinter.Lint(moved);
        Assert.NotEmpty(findings);
        Assert.Equal(ContractLinter.Lint(alone), findings);
    }

    [Fact]
    public void The_pool_confirms_a_subschema_by_its_text_not_by_its_digest_alone()
    {
        var pool = new SubschemaPool();
        var note = Property(Parse(V1, pool), "note");
        var own = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(note.Element);

        Assert.Same(note, pool.Find(note.TextDigest, note.Pointer, SchemaLimits.Default.RegexTimeout, own));
        Assert.Null(pool.Find(note.TextDigest, note.Pointer, SchemaLimits.Default.RegexTimeout, """{"type":"string","maxLength":65}"""u8));
    }

    [Fact]
    public void A_full_pool_starts_over_and_stays_within_its_capacity_without_changing_any_verdict()
    {
        var pool = new SubschemaPool(capacity: 3);
        var versions = Enumerable.Range(0, 6)
            .Select(i => V1.Replace("\"maxLength\":64", $"\"maxLength\":{64 + i}", StringComparison.Ordinal))
            .Select(text => Parse(text, pool))
            .ToList();

        Assert.InRange(pool.Count, 1, 3);
        var result = CompatibilityChecker.Check(versions[^1], versions[..^1], CompatibilityLevel.BackwardTransitive);
        Assert.True(result.IsCompatible);
        Assert.Equal(5, result.Differences.Count(d => d.Type == DifferenceType.MaxLengthIncreased));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubschemaPool(capacity: 0));
    }

    [Fact]
    public void A_long_history_through_one_pool_holds_a_fraction_of_the_nodes()
    {
        var texts = Enumerable.Range(0, 50)
            .Select(i => V1.Replace("\"maxLength\":64", $"\"maxLength\":{64 + i}", StringComparison.Ordinal))
            .ToList();
        var pool = new SubschemaPool();

        var pooled = DistinctNodes(texts.Select(text => Parse(text, pool)));
        var alone = DistinctNodes(texts.Select(text => ContractSchema.Parse(text)));

        // Each version has a root and a "note" of its own; "id", "total" (and what is inside) and "false" are shared.
        Assert.True(pooled * 3 < alone, $"{pooled} distinct nodes through a pool, {alone} without");
    }

    [Fact]
    public void Schemas_parsed_in_parallel_through_one_pool_get_the_verdicts_they_get_alone()
    {
        var texts = Enumerable.Range(0, 200)
            .Select(i => V1.Replace("\"maxLength\":64", $"\"maxLength\":{64 + (i % 7)}", StringComparison.Ordinal)
                .Replace("\"minimum\":0", $"\"minimum\":{i % 5}", StringComparison.Ordinal))
            .ToList();
        var pool = new SubschemaPool();
        var pooled = new ContractSchema[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => pooled[i] = Parse(texts[i], pool));
        var alone = texts.Select(text => ContractSchema.Parse(text)).ToList();

        for (var i = 1; i < texts.Count; i++)
        {
            Assert.Equal(
                CompatibilityChecker.Check(alone[i], [alone[i - 1]], CompatibilityLevel.Full).All(),
                CompatibilityChecker.Check(pooled[i], [pooled[i - 1]], CompatibilityLevel.Full).All());
        }
    }

    [Fact]
    public void Every_corpus_case_finds_the_same_differences_when_all_its_schemas_share_one_pool()
    {
        // One pool for the whole corpus, so schemas of unrelated cases share wherever the same text sits at the same place.
        var pool = new SubschemaPool();
        var problems = new List<string>();
        var checkedCases = 0;
        var sharing = 0;
        foreach (var entry in CompatibilityCorpus.Entries)
        {
            if (CompatibilityCorpus.Read(entry, []) is not { } corpusCase)
            {
                continue;
            }

            var alone = corpusCase.Previous.Select(text => ContractSchema.Parse(text)).ToList();
            var pooled = corpusCase.Previous.Select(text => Parse(text, pool)).ToList();
            var candidate = Parse(corpusCase.Candidate, pool);
            var expected = Describe(CompatibilityChecker.Check(ContractSchema.Parse(corpusCase.Candidate), alone, corpusCase.Level, corpusCase.Policy));
            var actual = Describe(CompatibilityChecker.Check(candidate, pooled, corpusCase.Level, corpusCase.Policy));
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"{entry.File} \"{entry.Description}\": [{string.Join(", ", actual)}] through the pool, [{string.Join(", ", expected)}] alone");
            }

            foreach (var previous in pooled)
            {
                problems.AddRange(new[] { Check.ShortcutDisagreement(previous, candidate), Check.ShortcutDisagreement(candidate, previous) }.OfType<string>());
                sharing += SharedProperties(previous, candidate);
            }

            checkedCases++;
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        Assert.True(checkedCases >= 200, $"only {checkedCases} corpus cases were read");
        Assert.True(sharing >= 100, $"the corpus schemas shared only {sharing} properties through the pool: it is not being used");
    }

    private static ContractSchema Parse(string text, SubschemaPool pool, SchemaLimits? limits = null) =>
        ContractSchema.Parse(text, new SchemaParseOptions { Pool = pool, Limits = limits ?? SchemaLimits.Default });

    private static SchemaNode Property(ContractSchema schema, string name) =>
        schema.RootNode.Object!.Properties.Single(p => p.Name == name).Schema;

    private static int SharedProperties(ContractSchema a, ContractSchema b) =>
        a.RootNode.Object is { } x && b.RootNode.Object is { } y
            ? x.Properties.Count(p => y.Properties.Any(q => ReferenceEquals(p.Schema, q.Schema)))
            : 0;

    private static string[] Describe(CompatibilityResult result) =>
        [$"{result.IsCompatible}", .. result.Differences.Select(d => $"{d.Type.ToWireName()} {d.Path} {d.IsCompatible} v{d.AgainstVersion} {d.Direction} {d.Message}")];

    /// <summary>How many distinct node objects the schemas reach, following every child and <c>$ref</c>.</summary>
    private static int DistinctNodes(IEnumerable<ContractSchema> schemas)
    {
        var seen = new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<SchemaNode>(schemas.Select(s => s.RootNode));
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            IEnumerable<SchemaNode?> children =
            [
                .. node.Branches, node.Inner, node.If, node.Then, node.Else, node.Target,
                .. node.Object?.Properties.Select(p => p.Schema) ?? [], node.Object?.AdditionalProperties, node.Object?.UnevaluatedProperties,
                .. node.Object?.PatternProperties.Select(p => p.Schema) ?? [], .. (IEnumerable<SchemaNode>?)node.Object?.DependentSchemas.Values ?? [],
                .. node.Array?.Prefix ?? [], node.Array?.Items, node.Array?.Contains, node.Array?.UnevaluatedItems,
            ];
            foreach (var child in children.OfType<SchemaNode>())
            {
                pending.Push(child);
            }
        }

        return seen.Count;
    }
}
