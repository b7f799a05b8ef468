using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace EventContracts.SourceGen.Tests;

/// <summary>The generated converters, loaded from a compilation of one schema that uses every mapping.</summary>
public class SerializationTests
{
    private const string Schema = """
        {
          "type": "object",
          "required": ["id", "count", "price", "ratio", "active", "at", "day", "link", "status", "tags", "attributes", "payment", "note", "parts", "grid"],
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "count": { "type": "integer" },
            "price": { "type": "number" },
            "ratio": { "type": "number", "format": "double" },
            "active": { "type": "boolean" },
            "at": { "type": "string", "format": "date-time" },
            "day": { "type": "string", "format": "date" },
            "link": { "type": "string", "format": "uri" },
            "status": { "type": "string", "enum": ["open", "on_hold"] },
            "tags": { "type": "array", "items": { "type": "string" } },
            "attributes": { "type": "object", "additionalProperties": { "type": "integer" } },
            "payment": { "oneOf": [ { "$ref": "#/$defs/card" }, { "$ref": "#/$defs/bank" } ] },
            "note": { "type": ["string", "null"] },
            "parts": { "type": "array", "items": { "type": "object", "required": ["sku"], "properties": { "sku": { "type": "string" }, "extra": true } } },
            "maybe": { "oneOf": [ { "$ref": "#/$defs/money" }, { "type": "null" } ] },
            "free": { "type": "object" },
            "grid": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
            "label": { "type": "string" }
          },
          "$defs": {
            "card": { "type": "object", "required": ["kind", "last4"], "properties": { "kind": { "const": "card" }, "last4": { "type": "string" } } },
            "bank": { "type": "object", "required": ["kind", "iban"], "properties": { "kind": { "const": "bank" }, "iban": { "type": "string" } } },
            "money": { "type": "object", "required": ["amount"], "properties": { "amount": { "type": "string" } } }
          }
        }
        """;

    private const string Full = """
        {"id":"7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f","count":9007199254740993,"price":19.990,"ratio":0.5,"active":true,
         "at":"2026-01-02T03:04:05+01:00","day":"2026-01-02","link":"https://example.com/a?b=c","status":"on_hold",
         "tags":["a","\u00e9\ud83d\ude00"],"attributes":{"x":1,"y":-2},"payment":{"kind":"bank","iban":"DE00"},"note":null,
         "parts":[{"sku":"A-1","extra":{"any":[1,"two",null]}},{"sku":"B-2"}],"maybe":{"amount":"1.00"},"free":{"k":[true]},
         "grid":[[1,2],[],[3]],"label":"x"}
        """;

    private static readonly Lazy<(Type Event, Assembly Assembly)> Compiled = new(() =>
    {
        var (result, assembly) = GeneratorHarness.Compile("/c/shop/shop.order.placed.v1.json", Schema);
        Assert.All(result.Diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Severity));
        return (assembly.GetType("EventContracts.Contracts.Shop.ShopOrderPlacedV1", throwOnError: true)!, assembly);
    });

    private static Type Event => Compiled.Value.Event;

    /// <summary>Options whose only metadata source is the generated resolver: no reflection can fill a gap.</summary>
    private static JsonSerializerOptions ResolverOnly()
    {
        var resolverType = Compiled.Value.Assembly.GetType("EventContracts.Contracts.EventContractsJsonResolver", throwOnError: true)!;
        var resolver = (IJsonTypeInfoResolver)resolverType.GetProperty("Default")!.GetValue(null)!;
        return new JsonSerializerOptions { TypeInfoResolver = resolver };
    }

    [Fact]
    public void Every_mapping_round_trips_through_plain_JsonSerializer()
    {
        var evt = JsonSerializer.Deserialize(Full, Event)!;
        var back = JsonSerializer.Serialize(evt, Event);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Full), JsonNode.Parse(back)), back);
    }

    [Fact]
    public void Every_mapping_round_trips_with_only_the_generated_resolver()
    {
        var options = ResolverOnly();

        var evt = JsonSerializer.Deserialize(Full, Event, options)!;
        var back = JsonSerializer.Serialize(evt, Event, options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Full), JsonNode.Parse(back)), back);
        Assert.Equal("Bank", Event.GetProperty("Payment")!.GetValue(evt)!.GetType().Name);
        Assert.Equal(9007199254740993L, Event.GetProperty("Count")!.GetValue(evt));
        Assert.Equal(19.990m, Event.GetProperty("Price")!.GetValue(evt));
    }

    [Fact]
    public void The_resolver_knows_no_type_it_did_not_generate()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("https://example.com"), ResolverOnly()));
    }

    [Fact]
    public void Optional_members_are_omitted_and_required_nullable_ones_written_as_null()
    {
        var json = Remove(Full, "maybe", "free", "label");
        var evt = JsonSerializer.Deserialize(json, Event)!;
        var back = JsonNode.Parse(JsonSerializer.Serialize(evt, Event))!.AsObject();

        Assert.False(back.ContainsKey("maybe"));
        Assert.False(back.ContainsKey("label"));
        Assert.True(back.ContainsKey("note"));
        Assert.Null(back["note"]);
    }

    [Fact]
    public void Unknown_properties_are_skipped()
    {
        var json = Full.Replace("\"label\":\"x\"", "\"label\":\"x\",\"future\":{\"nested\":[1,{\"a\":2}]}", StringComparison.Ordinal);

        var evt = JsonSerializer.Deserialize(json, Event)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Full), JsonNode.Parse(JsonSerializer.Serialize(evt, Event))));
    }

    [Theory]
    [InlineData("count", "missing required property \"count\" of ShopOrderPlacedV1 (shop.order.placed v1)")]
    [InlineData("note", "missing required property \"note\"")]
    [InlineData("payment", "missing required property \"payment\"")]
    public void A_missing_required_property_is_a_JsonException_naming_it(string property, string message)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Remove(Full, property), Event, ResolverOnly()));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\":\"7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f\"", "\"id\":null", "\"id\" of ShopOrderPlacedV1 (shop.order.placed v1) must not be null")]
    [InlineData("\"status\":\"on_hold\"", "\"status\":\"closed\"", "\"closed\" is not a value of StatusKind; expected one of \"open\", \"on_hold\"")]
    [InlineData("\"kind\":\"bank\"", "\"kind\":\"cash\"", "\"kind\" of PaymentDetails (shop.order.placed v1) must be one of \"card\", \"bank\"")]
    [InlineData("\"kind\":\"bank\",", "", "missing required property \"kind\" of PaymentDetails")]
    [InlineData("{\"sku\":\"B-2\"}", "{}", "missing required property \"sku\" of PartsItem")]
    [InlineData("\"tags\":[\"a\",", "\"tags\":[null,", "an item must not be null")]
    [InlineData("\"grid\":[[1,2]", "\"grid\":[[1,\"2\"]", "")]
    [InlineData("\"count\":9007199254740993", "\"count\":1.5", "")]
    [InlineData("\"tags\":[", "\"tags\":{\"a\":1},\"x\":[", "expected a JSON array")]
    public void Values_the_schema_does_not_allow_are_a_JsonException(string from, string to, string message)
    {
        var json = Full.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Full, json);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Event, ResolverOnly()));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_variant_read_on_its_own_checks_its_discriminator()
    {
        var bank = Compiled.Value.Assembly.GetType("EventContracts.Contracts.Shop.ShopOrderPlacedV1+Bank", throwOnError: true)!;

        var ok = JsonSerializer.Deserialize("""{"iban":"DE00","kind":"bank"}""", bank, ResolverOnly())!;
        var wrong = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"iban":"DE00","kind":"card"}""", bank, ResolverOnly()));

        Assert.Equal("""{"kind":"bank","iban":"DE00"}""", JsonSerializer.Serialize(ok, bank, ResolverOnly()));
        Assert.Contains("\"kind\" of Bank (shop.order.placed v1) must be \"bank\"", wrong.Message, StringComparison.Ordinal);
    }

    private static string Remove(string json, params string[] properties)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var p in properties)
        {
            Assert.True(node.Remove(p), p);
        }

        return node.ToJsonString();
    }
}
