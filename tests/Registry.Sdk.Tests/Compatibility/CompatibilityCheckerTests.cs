using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Compatibility;

public sealed class CompatibilityCheckerTests
{
    private const string V1 = """{"type":"object","properties":{"id":{"type":"string"}},"additionalProperties":false}""";
    private const string V2 = """{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}},"additionalProperties":false}""";
    private const string V3WithoutNote = """{"type":"object","properties":{"id":{"type":"string"}},"additionalProperties":false}""";
    private const string StatusAb = """{"type":"string","enum":["a","b"]}""";
    private const string StatusAbc = """{"type":"string","enum":["a","b","c"]}""";

    [Fact]
    public void Backward_checks_the_latest_version_only()
    {
        // v3 drops "note" which v2 (latest) had: incompatible; but it equals v1.
        Assert.False(Check.Level(CompatibilityLevel.Backward, V3WithoutNote, CompatibilityPolicy.Strict, V1, V2).IsCompatible);
        var onlyLatest = Check.Level(CompatibilityLevel.Backward, V2, CompatibilityPolicy.Strict, V3WithoutNote, V1);
        Assert.True(onlyLatest.IsCompatible);
        Assert.All(onlyLatest.Differences, d => Assert.Equal(2, d.AgainstVersion));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(80)]
    public void A_transitive_check_of_a_long_history_judges_every_version_once_newest_first(int versions)
    {
        // Versions are read ahead in batches; every version, at every batch edge, must still be compared exactly once and
        // in order. Version k has maxLength 100 + k, so each one differs from the candidate by its own number.
        var pool = new SubschemaPool();
        var history = Enumerable.Range(1, versions)
            .Select(k => """{"type":"object","properties":{"a":{"type":"string","maxLength":MAX},"b":{"type":"integer"}}}""".Replace("MAX", (100 + k).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Select(text => ContractSchema.Parse(text, new SchemaParseOptions { Pool = pool }))
            .ToList();
        var candidate = ContractSchema.Parse("""{"type":"object","properties":{"a":{"type":"string","maxLength":50},"b":{"type":"integer"}}}""");

        foreach (var level in new[] { CompatibilityLevel.BackwardTransitive, CompatibilityLevel.FullTransitive })
        {
            var result = CompatibilityChecker.Check(candidate, history, level);

            var backward = result.Differences.Where(d => d.Direction == CompatibilityDirection.Backward).ToList();
            Assert.Equal(Enumerable.Range(1, versions).Reverse(), backward.Select(d => d.AgainstVersion));
            Assert.All(backward, d => Assert.Equal("#/properties/a/maxLength", d.Path));
            Assert.All(backward, d => Assert.Contains($"{100 + d.AgainstVersion}", d.Message, StringComparison.Ordinal));
            Assert.False(result.IsCompatible);
        }
    }

    [Fact]
    public void A_long_check_allocates_one_object_per_difference_it_reports()
    {
        // A check of 1,000 versions reports thousands of differences and holds them all until it ends: a second object per
        // difference (the comparer's own) is what the garbage collector then copies mid-check. Every version has the same
        // three tighter bounds and a description of its own, so each adds four reported differences with the same paths
        // and values. Per difference the check may allocate one issue (64 bytes) and its share of the growing lists (about
        // 30), not an issue plus a difference (56 bytes more).
        var pool = new SubschemaPool();
        var history = Enumerable.Range(1, 120)
            .Select(k => ContractSchema.Parse(Version(101, $"version {k}"), new SchemaParseOptions { Pool = pool }))
            .ToList();
        var candidate = ContractSchema.Parse(Version(50, "the candidate"));

        // The fewest bytes of a few checks: code not yet optimized by the JIT may allocate on its own in the first ones.
        var allocated = long.MaxValue;
        var count = 0;
        for (var run = 0; run < 5; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            count = CompatibilityChecker.Check(candidate, history, CompatibilityLevel.BackwardTransitive).Differences.Count;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(4 * 120, count);
        Assert.InRange((double)allocated / count, 64, 110);

        static string Version(int bound, string note) =>
            """{"type":"object","properties":{"a":{"type":"string","maxLength":B},"b":{"type":"integer","maximum":B},"c":{"type":"array","maxItems":B},"d":{"type":"string","description":"NOTE"}}}"""
                .Replace("B", bound.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("NOTE", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_transitive_checks_every_version_and_names_the_one_that_breaks()
    {
        const string loose = """{"type":"string"}""";
        const string bounded = """{"type":"string","maxLength":10}""";
        const string candidate = """{"type":"string","maxLength":10}""";

        Assert.True(Check.Level(CompatibilityLevel.Backward, candidate, CompatibilityPolicy.Strict, loose, bounded).IsCompatible);
        var transitive = Check.Level(CompatibilityLevel.BackwardTransitive, candidate, CompatibilityPolicy.Strict, loose, bounded);

        Assert.False(transitive.IsCompatible);
        var breaking = Assert.Single(transitive.Differences, d => !d.IsCompatible);
        Assert.Equal(DifferenceType.MaxLengthAdded, breaking.Type);
        Assert.Equal(1, breaking.AgainstVersion);
        Assert.Equal(CompatibilityDirection.Backward, breaking.Direction);
    }

    [Fact]
    public void Forward_lets_the_old_schema_read_new_data()
    {
        // Removing an enum value is fine for old readers (FORWARD) but not for new readers of old data (BACKWARD).
        Assert.True(Check.Level(CompatibilityLevel.Forward, StatusAb, CompatibilityPolicy.Strict, StatusAbc).IsCompatible);
        Assert.False(Check.Level(CompatibilityLevel.Backward, StatusAb, CompatibilityPolicy.Strict, StatusAbc).IsCompatible);
    }

    [Fact]
    public void Full_rejects_enum_growth_that_backward_accepts()
    {
        Assert.True(Check.Level(CompatibilityLevel.Backward, StatusAbc, CompatibilityPolicy.Strict, StatusAb).IsCompatible);
        var full = Check.Level(CompatibilityLevel.Full, StatusAbc, CompatibilityPolicy.Strict, StatusAb);

        Assert.False(full.IsCompatible);
        var narrowed = Assert.Single(full.Differences, d => !d.IsCompatible);
        Assert.Equal(DifferenceType.EnumArrayNarrowed, narrowed.Type);
        Assert.Equal(CompatibilityDirection.Forward, narrowed.Direction);
    }

    [Fact]
    public void Forward_transitive_and_full_transitive_check_every_version()
    {
        const string a = """{"type":"string","enum":["a"]}""";
        const string ab = """{"type":"string","enum":["a","b"]}""";
        const string candidate = """{"type":"string","enum":["a","b"]}""";

        // Old v1 reader only knows "a": new data may be "b".
        Assert.True(Check.Level(CompatibilityLevel.Forward, candidate, CompatibilityPolicy.Strict, a, ab).IsCompatible);
        Assert.False(Check.Level(CompatibilityLevel.ForwardTransitive, candidate, CompatibilityPolicy.Strict, a, ab).IsCompatible);
        Assert.True(Check.Level(CompatibilityLevel.Full, candidate, CompatibilityPolicy.Strict, a, ab).IsCompatible);
        Assert.False(Check.Level(CompatibilityLevel.FullTransitive, candidate, CompatibilityPolicy.Strict, a, ab).IsCompatible);
    }

    [Fact]
    public void None_accepts_anything_and_reports_nothing()
    {
        var result = Check.Level(CompatibilityLevel.None, """{"type":"integer"}""", CompatibilityPolicy.Strict, """{"type":"string"}""");

        Assert.True(result.IsCompatible);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public void No_previous_versions_is_compatible()
    {
        var result = CompatibilityChecker.Check(ContractSchema.Parse("""{"type":"string"}"""), Array.Empty<ContractSchema>(), CompatibilityLevel.FullTransitive);

        Assert.True(result.IsCompatible);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}""", "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string","default":"x"}},"required":["b"]}""", "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"type":"object","additionalProperties":false}""", "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL")]
    [InlineData("""{"type":"object"}""", """{"type":"object","additionalProperties":false}""", "ADDITIONAL_PROPERTIES_REMOVED")]
    [InlineData("""{"type":"object"}""", """{"type":"object","additionalProperties":{"type":"string"}}""", "ADDITIONAL_PROPERTIES_NARROWED")]
    [InlineData("""{"type":"object","unevaluatedProperties":true}""", """{"type":"object","unevaluatedProperties":false}""", "UNEVALUATED_PROPERTIES_REMOVED")]
    [InlineData("""{"type":"object","unevaluatedProperties":{"type":"integer","minimum":0}}""", """{"type":"object","unevaluatedProperties":{"type":"integer","minimum":5}}""", "UNEVALUATED_PROPERTIES_NARROWED")]
    [InlineData("""{"type":"object","additionalProperties":{"type":"string"}}""", """{"type":"object","properties":{"n":{"type":"integer"}},"additionalProperties":{"type":"string"}}""", "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL")]
    [InlineData("""{"type":"object","properties":{"n":{"type":"integer"}},"additionalProperties":{"type":"string"}}""", """{"type":"object","additionalProperties":{"type":"string"}}""", "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL")]
    public void Lenient_accepts_what_strict_refuses_for_content_model_changes(string previous, string candidate, string type)
    {
        var strict = Check.Backward(previous, candidate, CompatibilityPolicy.Strict);
        var lenient = Check.Backward(previous, candidate, CompatibilityPolicy.Lenient);

        Assert.False(strict.IsCompatible);
        Assert.Contains(type, strict.Incompatible().Select(i => i.Split(' ')[0]));
        Assert.True(lenient.IsCompatible, string.Join(", ", lenient.Incompatible()));
        Assert.Contains(type, lenient.Types());
    }

    [Fact]
    public void Lenient_still_refuses_a_narrowed_type()
    {
        Assert.False(Check.Backward("""{"type":"number"}""", """{"type":"integer"}""", CompatibilityPolicy.Lenient).IsCompatible);
    }

    [Fact]
    public void Recursive_definitions_are_compared_through_the_cycle()
    {
        const string tree = """
            {"$ref":"#/definitions/node","definitions":{"node":{"type":"object","properties":{
              "name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/definitions/node"}}}}}}
            """;
        const string treeWithLimit = """
            {"$ref":"#/definitions/node","definitions":{"node":{"type":"object","properties":{
              "name":{"type":"string","maxLength":8},"children":{"type":"array","items":{"$ref":"#/definitions/node"}}}}}}
            """;

        Assert.True(Check.Backward(tree, tree).IsCompatible);
        var result = Check.Backward(tree, treeWithLimit);

        Assert.False(result.IsCompatible);
        Assert.Contains("MAX_LENGTH_ADDED #/properties/name/maxLength", result.All());
    }

    [Fact]
    public void Mutually_recursive_definitions_end_and_find_the_change_behind_the_cycle()
    {
        static string Schema(string idType) => """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"#/$defs/person","$defs":{
              "person":{"type":"object","properties":{"id":{"type":"ID_TYPE"},"employer":{"$ref":"#/$defs/company"}}},
              "company":{"type":"object","properties":{"owner":{"$ref":"#/$defs/person"},"staff":{"type":"array","items":{"$ref":"#/$defs/person"}}}}}}
            """.Replace("ID_TYPE", idType, StringComparison.Ordinal);

        Assert.True(Check.Backward(Schema("integer"), Schema("number")).IsCompatible);
        var result = Check.Backward(Schema("number"), Schema("integer"));

        Assert.False(result.IsCompatible);
        Assert.Contains("TYPE_NARROWED #/properties/id", result.All());
    }

    [Fact]
    public void A_schema_without_ref_against_one_that_recurs_through_a_combination_ends()
    {
        // Pairs of subschemas without $ref take no place on the walk's path (they cannot recur); one with a $ref on either
        // side must. Here the reader's "a" is an anyOf whose first branch is "a" itself, so the writer's plain string is
        // compared with the same pair again one level down: the path is what ends it, before the depth limit would, and
        // the pair met again is assumed compatible (the greatest fixed point), so the first branch reads the string.
        const string writer = """{"type":"object","properties":{"a":{"type":"string","maxLength":4}}}""";
        const string reader = """
            {"type":"object","properties":{"a":{"$ref":"#/$defs/t"}},
             "$defs":{"t":{"anyOf":[{"$ref":"#/$defs/t"},{"type":"string","maxLength":2}]}}}
            """;

        var result = Check.Backward(writer, reader);

        Assert.True(result.IsCompatible);
    }

    [Fact]
    public void Schema_and_reference_named_by_ref_compare_as_the_same_schema()
    {
        const string inline = """{"type":"object","properties":{"total":{"type":"number"}}}""";
        const string viaRef = """{"$ref":"#/definitions/order","definitions":{"order":{"type":"object","properties":{"total":{"type":"number"}}}}}""";

        var result = Check.Backward(inline, viaRef);

        Assert.True(result.IsCompatible);
        Assert.DoesNotContain(result.Differences, d => !d.IsCompatible);
    }

    [Fact]
    public void Branch_order_does_not_matter_for_any_combinator()
    {
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            var before = """{"KEYWORD":[{"type":"object","properties":{"a":{"type":"string"}}},{"type":"object","properties":{"b":{"type":"integer"}}}]}""".Replace("KEYWORD", keyword, StringComparison.Ordinal);
            var after = """{"KEYWORD":[{"type":"object","properties":{"b":{"type":"integer"}}},{"type":"object","properties":{"a":{"type":"string"}}}]}""".Replace("KEYWORD", keyword, StringComparison.Ordinal);

            var result = Check.Backward(before, after);

            Assert.True(result.IsCompatible, keyword);
            Assert.Empty(result.Differences);
        }
    }

    [Fact]
    public void Messages_say_which_version_reads_which()
    {
        var result = Check.Level(CompatibilityLevel.Full, """{"type":"string","maxLength":3}""", CompatibilityPolicy.Strict, """{"type":"string"}""");

        var backward = Assert.Single(result.Differences, d => d.Direction == CompatibilityDirection.Backward);
        Assert.StartsWith("New schema reading data written with version 1:", backward.Message, StringComparison.Ordinal);
        Assert.Contains("maxLength", backward.Message, StringComparison.Ordinal);
        var forward = Assert.Single(result.Differences, d => d.Direction == CompatibilityDirection.Forward);
        Assert.StartsWith("Version 1 reading data written with the new schema:", forward.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combinator_explosion_is_stopped_by_the_step_budget()
    {
        // 12 levels of 4-branch anyOf: matching compares 16 pairs per level, 16^12 in all without a budget.
        static string Nested(int depth, string leaf) => depth == 0
            ? leaf
            : $$"""{"anyOf":[{{string.Join(",", Enumerable.Range(0, 4).Select(i => Nested(depth - 1, i == 3 ? leaf : $$"""{"type":"string","maxLength":{{i + 1}}}""")))}}]}""";

        var limits = SchemaLimits.Default with { MaxComparisonSteps = 50_000 };
        var writer = ContractSchema.Parse(Nested(6, """{"type":"integer"}"""), new SchemaParseOptions { Limits = limits });
        var reader = ContractSchema.Parse(Nested(6, """{"type":"number"}"""), new SchemaParseOptions { Limits = limits });

        var error = Assert.Throws<SchemaException>(() => CompatibilityChecker.Check(reader, [writer], CompatibilityLevel.Backward));

        Assert.Equal(SchemaErrorKind.TooComplex, error.Kind);
        Assert.Contains("too complex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_reports_both_directions_with_a_verdict_per_level()
    {
        var report = SchemaDiffer.Diff(ContractSchema.Parse(StatusAb), ContractSchema.Parse(StatusAbc));

        Assert.True(report.Verdicts[CompatibilityLevel.Backward]);
        Assert.True(report.Verdicts[CompatibilityLevel.BackwardTransitive]);
        Assert.False(report.Verdicts[CompatibilityLevel.Forward]);
        Assert.False(report.Verdicts[CompatibilityLevel.Full]);
        Assert.True(report.Verdicts[CompatibilityLevel.None]);
        var extended = Assert.Single(report.Differences, d => d.Type == DifferenceType.EnumArrayExtended);
        Assert.Equal(CompatibilityDirection.Backward, extended.Direction);
        Assert.All(extended.CompatibleUnder.Values, Assert.True);
        var narrowed = Assert.Single(report.Differences, d => d.Type == DifferenceType.EnumArrayNarrowed);
        Assert.True(narrowed.CompatibleUnder[CompatibilityLevel.Backward]);
        Assert.False(narrowed.CompatibleUnder[CompatibilityLevel.Forward]);
        Assert.False(narrowed.CompatibleUnder[CompatibilityLevel.FullTransitive]);
    }
}
