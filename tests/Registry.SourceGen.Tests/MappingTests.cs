using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.SourceGen.Tests;

/// <summary>How schema shapes map to C# types and names.</summary>
public class MappingTests
{
    [Fact]
    public void A_definition_named_like_a_root_property_gets_the_Details_suffix()
    {
        const string schema = """
            {
              "type": "object",
              "required": ["address", "status"],
              "properties": {
                "address": { "$ref": "#/$defs/address" },
                "status": { "$ref": "#/$defs/status" },
                "billing": { "$ref": "#/$defs/address" }
              },
              "$defs": {
                "address": { "type": "object", "properties": { "city": { "type": "string" } } },
                "status": { "type": "string", "enum": ["open"] }
              }
            }
            """;
        var (result, _) = GeneratorHarness.Compile("/c/order/order.moved.v1.json", schema);
        var source = GeneratorHarness.Source(result, "OrderMovedV1");

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public required AddressDetails Address { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public AddressDetails? Billing { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required StatusKind Status { get; init; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_types_of_one_name_in_two_records_are_told_apart_by_their_parent()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "from": { "$ref": "#/$defs/stop" },
                "to": { "$ref": "#/$defs/leg" }
              },
              "$defs": {
                "stop": { "type": "object", "properties": { "meta": { "type": "object", "properties": { "a": { "type": "string" } } } } },
                "leg": { "type": "object", "properties": { "meta": { "type": "object", "properties": { "b": { "type": "string" } } } } }
              }
            }
            """;
        var (result, _) = GeneratorHarness.Compile("/c/order/order.routed.v1.json", schema);
        var source = GeneratorHarness.Source(result, "OrderRoutedV1");

        Assert.Empty(result.Diagnostics);
        Assert.Contains(".OrderRoutedV1.MetaDetails? Meta { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains(".OrderRoutedV1.LegMetaDetails? Meta { get; init; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void AllOf_object_branches_merge_into_one_record()
    {
        const string schema = """
            {
              "allOf": [ { "$ref": "#/$defs/base" } ],
              "type": "object",
              "required": ["b"],
              "properties": {
                "b": { "type": "integer" },
                "price": { "allOf": [ { "$ref": "#/$defs/money" } ], "description": "draft-7 style description of a reference" },
                "combined": { "allOf": [ { "$ref": "#/$defs/money" }, { "type": "object", "required": ["note"], "properties": { "note": { "type": "string" } } } ] }
              },
              "$defs": {
                "base": { "type": "object", "required": ["a"], "properties": { "a": { "type": "string" } } },
                "money": { "type": "object", "required": ["amount"], "properties": { "amount": { "type": "string" } } }
              }
            }
            """;
        var (result, assembly) = GeneratorHarness.Compile("/c/order/order.merged.v1.json", schema);
        var source = GeneratorHarness.Source(result, "OrderMergedV1");

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public required string A { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required long B { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public Money? Price { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public CombinedDetails? Combined { get; init; }", source, StringComparison.Ordinal);
        var type = assembly.GetType("EventContracts.Contracts.Order.OrderMergedV1", throwOnError: true)!;
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"b":1,"combined":{"amount":"1","note":"n"}}""", type));
        Assert.Contains("missing required property \"a\"", e.Message, StringComparison.Ordinal);
        var inner = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"a":"x","b":1,"combined":{"amount":"1"}}""", type));
        Assert.True(inner.Message.Contains("missing required property \"note\" of CombinedDetails", StringComparison.Ordinal), inner.Message);
    }

    [Fact]
    public void Recursive_definitions_refer_to_themselves_and_round_trip()
    {
        const string schema = """
            {
              "type": "object",
              "required": ["root"],
              "properties": { "root": { "$ref": "#/$defs/node" } },
              "$defs": {
                "node": { "type": "object", "required": ["name"], "properties": {
                  "name": { "type": "string" },
                  "children": { "type": "array", "items": { "$ref": "#/$defs/node" } },
                  "parent": { "$ref": "#/$defs/node" } } }
              }
            }
            """;
        var (result, assembly) = GeneratorHarness.Compile("/c/tree/tree.node.added.v1.json", schema);
        var type = assembly.GetType("EventContracts.Contracts.Tree.TreeNodeAddedV1", throwOnError: true)!;
        const string json = """{"root":{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}],"parent":{"name":"z"}}}""";

        Assert.Empty(result.Diagnostics);
        Assert.Contains("IReadOnlyList<global::EventContracts.Contracts.Tree.TreeNodeAddedV1.Node>? Children", GeneratorHarness.Source(result, "TreeNodeAddedV1"), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type), type))));
    }

    [Fact]
    public void A_false_property_schema_has_no_member_and_untyped_ones_are_JsonElement()
    {
        const string schema = """
            { "type": "object", "properties": { "gone": false, "any": true, "loose": { "description": "anything" }, "kept": { "type": "string" } } }
            """;
        var (result, _) = GeneratorHarness.Compile("/c/order/order.loose.v1.json", schema);
        var source = GeneratorHarness.Source(result, "OrderLooseV1");

        Assert.DoesNotContain("Gone", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Any { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Loose { get; init; }", source, StringComparison.Ordinal);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ECG005", d.Id);
        Assert.Equal(schema.IndexOf("{ \"description\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
    }

    [Fact]
    public void Nullable_type_lists_and_null_branches_become_nullable_members()
    {
        const string schema = """
            {
              "type": "object",
              "required": ["a", "b", "c"],
              "properties": {
                "a": { "type": ["integer", "null"] },
                "b": { "anyOf": [ { "$ref": "#/$defs/money" }, { "type": "null" } ] },
                "c": { "type": "string", "enum": ["x", null] }
              },
              "$defs": { "money": { "type": "object", "properties": { "amount": { "type": "string" } } } }
            }
            """;
        var (result, assembly) = GeneratorHarness.Compile("/c/order/order.nulled.v1.json", schema);
        var source = GeneratorHarness.Source(result, "OrderNulledV1");
        var type = assembly.GetType("EventContracts.Contracts.Order.OrderNulledV1", throwOnError: true)!;

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public required long? A { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required Money? B { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required CKind? C { get; init; }", source, StringComparison.Ordinal);
        Assert.Equal("""{"a":null,"b":null,"c":null}""", JsonSerializer.Serialize(JsonSerializer.Deserialize("""{"a":null,"b":null,"c":null}""", type), type));
    }

    [Fact]
    public void Inline_union_variants_are_named_after_the_property_and_value()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "shape": { "oneOf": [
                  { "type": "object", "required": ["type", "r"], "properties": { "type": { "enum": ["circle"] }, "r": { "type": "number" } } },
                  { "type": "object", "required": ["type", "w"], "properties": { "type": { "const": "square" }, "w": { "type": "number" } } } ] }
              }
            }
            """;
        var (result, assembly) = GeneratorHarness.Compile("/c/geo/geo.shape.drawn.v1.json", schema);
        var source = GeneratorHarness.Source(result, "GeoShapeDrawnV1");
        var type = assembly.GetType("EventContracts.Contracts.Geo.GeoShapeDrawnV1", throwOnError: true)!;
        const string json = """{"shape":{"r":1.5,"type":"circle"}}""";

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public abstract partial record ShapeDetails;", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record ShapeCircle : ShapeDetails", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record ShapeSquare : ShapeDetails", source, StringComparison.Ordinal);
        Assert.Equal("""{"shape":{"type":"circle","r":1.5}}""", JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type), type));
    }

    [Fact]
    public void A_member_named_like_a_sibling_nested_type_does_not_hide_it()
    {
        const string schema = """
            {
              "type": "object",
              "properties": { "customer": { "$ref": "#/$defs/customer" }, "shipTo": { "$ref": "#/$defs/address" } },
              "$defs": {
                "customer": { "type": "object", "properties": { "address": { "type": "string" }, "billing": { "$ref": "#/$defs/address" } } },
                "address": { "type": "object", "properties": { "city": { "type": "string" } } }
              }
            }
            """;
        var (result, _) = GeneratorHarness.Compile("/c/order/order.billed.v1.json", schema);

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("equals")]
    [InlineData("toString")]
    [InlineData("equalityContract")]
    public void A_property_named_like_a_member_every_record_has_is_ECG003(string name)
    {
        var schema = "{ \"type\": \"object\", \"properties\": { \"" + name + "\": { \"type\": \"string\" } } }";
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        Assert.Contains("a member every C# record has", Assert.Single(result.Diagnostics, d => d.Id == "ECG003").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void References_into_other_parts_of_the_document_and_non_ascii_names_work()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "größe": { "type": "string" },
                "home": { "type": "object", "properties": { "city": { "type": "string" } } },
                "work": { "$ref": "#/properties/home" },
                "tags": { "type": "array", "items": { "type": "string", "enum": ["a"] } },
                "more": { "$ref": "#/properties/tags/items" }
              }
            }
            """;
        var (result, _) = GeneratorHarness.Compile("/c/order/order.sized.v1.json", schema);
        var source = GeneratorHarness.Source(result, "OrderSizedV1");

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public string? Größe { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public HomeDetails? Work { get; init; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_the_root_is_the_event_record_itself()
    {
        const string schema = """
            { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "replaces": { "$ref": "#" }, "a": { "$ref": "#/$defs/a" } },
              "$defs": { "a": { "type": "object", "properties": { "a": { "type": "integer" } } } } }
            """;
        var (result, assembly) = GeneratorHarness.Compile("/c/order/order.replaced.v1.json", schema);
        var type = assembly.GetType("EventContracts.Contracts.Order.OrderReplacedV1", throwOnError: true)!;
        const string json = """{"id":"2","replaces":{"id":"1","a":{"a":5}}}""";

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public OrderReplacedV1? Replaces { get; init; }", GeneratorHarness.Source(result, "OrderReplacedV1"), StringComparison.Ordinal);
        Assert.Contains("public ADetails? A { get; init; }", GeneratorHarness.Source(result, "OrderReplacedV1"), StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type), type));
    }
}
