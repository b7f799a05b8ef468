using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Schemas;

public sealed class ContractSchemaTests
{
    [Theory]
    [InlineData("""{"$schema":"http://json-schema.org/draft-04/schema#","type":"object"}""", JsonSchemaDraft.Draft4)]
    [InlineData("""{"$schema":"http://json-schema.org/draft-06/schema#","type":"object"}""", JsonSchemaDraft.Draft6)]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}""", JsonSchemaDraft.Draft7)]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2019-09/schema","type":"object"}""", JsonSchemaDraft.Draft201909)]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object"}""", JsonSchemaDraft.Draft202012)]
    [InlineData("""{"type":"object"}""", JsonSchemaDraft.Draft7)]
    [InlineData("true", JsonSchemaDraft.Draft7)]
    [InlineData("false", JsonSchemaDraft.Draft7)]
    public void Parse_reads_every_supported_draft(string text, JsonSchemaDraft draft)
    {
        Assert.Equal(draft, ContractSchema.Parse(text).Draft);
    }

    [Fact]
    public void Parse_refuses_an_unknown_dialect_and_says_which_are_read()
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse("""{"$schema":"http://example.com/my-dialect","type":"object"}"""));

        Assert.Equal(SchemaErrorKind.NotASchema, error.Kind);
        Assert.Contains("draft-07", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"object\",\"properties\":{\"\\ud800\":{}}}")]
    [InlineData("{\"type\":\"object\",\"description\":\"x\\udc00y\"}")]
    [InlineData("{\"enum\":[\"\\ud83d\"]}")]
    public void Parse_refuses_half_a_surrogate_pair_as_invalid_json(string text)
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text));

        Assert.Equal(SchemaErrorKind.InvalidJson, error.Kind);
        Assert.Contains("half a surrogate pair", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Position);
    }

    [Fact]
    public void Normalized_fingerprint_ignores_key_order_and_whitespace()
    {
        var a = ContractSchema.Parse("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""");
        var b = ContractSchema.Parse("""
            {
              "properties": { "b": { "type": "integer" }, "a": { "type": "string" } },
              "type": "object"
            }
            """);

        Assert.Equal(a.NormalizedFingerprint, b.NormalizedFingerprint);
        Assert.Equal(a.NormalizedText, b.NormalizedText);
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
        Assert.Equal(64, a.Fingerprint.Hex.Length);
    }

    [Fact]
    public void Canonical_text_drops_whitespace_but_keeps_key_order()
    {
        var schema = ContractSchema.Parse("{ \"type\" : \"object\" ,\n \"title\": \"Caf\\u00e9\" }");

        Assert.Equal("""{"type":"object","title":"Café"}""", schema.CanonicalText);
        Assert.Equal(ContractSchema.Parse("""{"type":"object","title":"Café"}""").Fingerprint, schema.Fingerprint);
    }

    [Theory]
    [InlineData("""{"type":"object","title":"Caf\u00e9","properties":{"b":{"enum":[1.50,"\u2028"]},"a":{"type":"string"}}}""")]
    [InlineData("true")]
    public void Both_fingerprints_are_those_of_the_texts_written_later_on_demand(string text)
    {
        // The fingerprints are taken at parse from UTF-8; the texts are written only when read.
        var schema = ContractSchema.Parse(text);

        Assert.Equal(Fingerprint.Of(schema.CanonicalText), schema.Fingerprint);
        Assert.Equal(Fingerprint.Of(schema.NormalizedText), schema.NormalizedFingerprint);
        Assert.Same(schema.CanonicalText, schema.CanonicalText);
    }

    [Fact]
    public void Positions_are_found_after_the_parse_from_any_number_of_threads_at_once()
    {
        // The map of positions is let go after the parse and rebuilt when first asked for.
        var schema = ContractSchema.Parse("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\" }\n  }\n}");

        var positions = new SourcePosition?[64];
        Parallel.For(0, positions.Length, i => positions[i] = schema.PositionOf("#/properties/a"));

        Assert.All(positions, p => Assert.Equal(new SourcePosition(4, 5), p));
        Assert.Null(schema.PositionOf("#/properties/missing"));
    }

    [Fact]
    public void Fingerprint_is_the_sha256_of_the_canonical_text()
    {
        // echo -n '{}' | sha256sum
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ContractSchema.Parse("{ }").Fingerprint.Hex);
    }

    [Fact]
    public void Invalid_json_error_names_file_line_and_column()
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse("{\n  \"type\": \"object\",\n  \"title\": oops\n}", new SchemaParseOptions { SourcePath = "order.created.v1.json" }));

        Assert.Equal(SchemaErrorKind.InvalidJson, error.Kind);
        Assert.Equal(3, error.Position!.Value.Line);
        Assert.StartsWith("order.created.v1.json:3:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("{\"type\":\"object\"")]
    [InlineData("{\"properties\":{\"a\":{")]
    public void Truncated_json_is_reported_as_invalid_json_not_as_too_deep(string text)
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text));

        Assert.Equal(SchemaErrorKind.InvalidJson, error.Kind);
        Assert.DoesNotContain("deeper", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"x\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Json_that_is_not_a_schema_is_refused(string text, string described)
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text));

        Assert.Equal(SchemaErrorKind.NotASchema, error.Kind);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"strin"}""", "#/type")]
    [InlineData("""{"type":"object","properties":{"a":{"maxLength":"ten"}}}""", "#/properties/a/maxLength")]
    [InlineData("""{"type":"object","properties":{"a":{"minimum":"0"}}}""", "#/properties/a/minimum")]
    [InlineData("""{"type":"object","required":"a"}""", "#/required")]
    [InlineData("""{"type":"object","properties":[]}""", "#/properties")]
    [InlineData("""{"type":"string","pattern":"(unclosed"}""", "#/pattern")]
    [InlineData("""{"type":"object","properties":{"a":5}}""", "#/properties/a")]
    [InlineData("""{"anyOf":[]}""", "#/anyOf")]
    public void Keyword_with_a_wrong_value_is_refused_with_its_pointer(string text, string pointer)
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text));

        Assert.Equal(pointer, error.Pointer);
        Assert.NotNull(error.Position);
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse("""{"type":"object","type":"string"}"""));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("""{"items":""", 10_000)) + "{}" + new string('}', 10_000);

        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(deep));

        Assert.Equal(SchemaErrorKind.TooDeep, error.Kind);
        Assert.Contains("256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_larger_than_the_limit_is_refused()
    {
        var limits = SchemaLimits.Default with { MaxBytes = 100 };
        var text = """{"type":"object","description":"__________________________________________________________________________________________"}""";

        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text, new SchemaParseOptions { Limits = limits }));

        Assert.Equal(SchemaErrorKind.TooLarge, error.Kind);
    }

    [Theory]
    [InlineData("""{"$ref":"#"}""")]
    [InlineData("""{"$ref":"#/definitions/a","definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}}}""")]
    public void Reference_that_only_leads_to_itself_is_refused(string text)
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text));

        Assert.Equal(SchemaErrorKind.UnresolvableReference, error.Kind);
        Assert.Contains("never reaches a schema", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/evil.json")]
    [InlineData("https://example.com/schemas/address.json#/definitions/a")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//example.com/a.json")]
    public void Remote_reference_is_refused_and_never_fetched(string reference)
    {
        var text = """{"type":"object","properties":{"a":{"$ref":"REF"}}}""".Replace("REF", reference, StringComparison.Ordinal);

        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text));

        Assert.Equal(SchemaErrorKind.UnresolvableReference, error.Kind);
        Assert.Contains("never fetches", error.Message, StringComparison.Ordinal);
        Assert.Equal("#/properties/a/$ref", error.Pointer);
    }

    [Fact]
    public void Reference_to_a_missing_definition_names_the_pointer()
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse("""{"$ref":"#/definitions/missing"}"""));

        Assert.Contains("#/definitions/missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_reference_resolves_to_the_given_schema_and_is_compared_through()
    {
        var address1 = ContractSchema.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""");
        var address2 = ContractSchema.Parse("""{"type":"object","properties":{"city":{"type":"string","maxLength":20}}}""");
        const string order = """{"type":"object","properties":{"shipTo":{"$ref":"address.json"}}}""";

        var v1 = ContractSchema.Parse(order, new SchemaParseOptions { References = new Dictionary<string, ContractSchema> { ["address.json"] = address1 } });
        var v2 = ContractSchema.Parse(order, new SchemaParseOptions { References = new Dictionary<string, ContractSchema> { ["address.json"] = address2 } });

        var result = CompatibilityChecker.Check(v2, [v1], CompatibilityLevel.Backward);

        Assert.False(result.IsCompatible);
        Assert.Contains(result.Differences, d => d.Type == DifferenceType.MaxLengthAdded && d.Path == "#/properties/shipTo/properties/city/maxLength");
    }

    [Fact]
    public void Anchors_and_embedded_ids_resolve_locally()
    {
        const string text = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"a":{"$ref":"#money"},"b":{"$ref":"https://example.com/address.json"}},
             "$defs":{"money":{"$anchor":"money","type":"number"},
                      "address":{"$id":"https://example.com/address.json","type":"object"}}}
            """;

        var schema = ContractSchema.Parse(text);

        Assert.NotNull(schema);
    }

    [Theory]
    [InlineData(true, false, true, "EXCLUSIVE_MAXIMUM_REMOVED")]
    [InlineData(false, true, false, "EXCLUSIVE_MAXIMUM_ADDED")]
    public void Draft4_boolean_exclusive_bound_is_compared_as_a_flag_beside_the_bound(bool before, bool after, bool compatible, string type)
    {
        static ContractSchema Draft4(bool exclusive) => ContractSchema.Parse(
            """{"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":10,"exclusiveMaximum":EX}""".Replace("EX", exclusive ? "true" : "false", StringComparison.Ordinal));

        var differences = CompatibilityChecker.Compare(Draft4(before), Draft4(after));

        var difference = Assert.Single(differences);
        Assert.Equal(type, difference.Type.ToWireName());
        Assert.Equal(compatible, difference.Type.IsCompatible(CompatibilityPolicy.Strict));
    }

    [Fact]
    public void Position_of_a_pointer_is_its_line_and_column()
    {
        var schema = ContractSchema.Parse("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"orderId\": { \"type\": \"string\" }\n  }\n}");

        Assert.Equal(new SourcePosition(4, 5), schema.PositionOf("#/properties/orderId"));
        Assert.Equal(new SourcePosition(1, 1), schema.PositionOf("#"));
        Assert.Null(schema.PositionOf("#/nothing"));
    }
}
