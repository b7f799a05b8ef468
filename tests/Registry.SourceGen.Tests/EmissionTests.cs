using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EventContracts.SourceGen.Tests;

public class EmissionTests
{
    [Fact]
    public void Real_contracts_compile_without_errors_or_warnings()
    {
        var (result, _, compile) = GeneratorHarness.Run(GeneratorHarness.RealContracts());

        Assert.Empty(result.Diagnostics);
        Assert.Empty(compile);
        Assert.Equal(6, result.Results.Single().GeneratedSources.Length);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "EventContractsJsonResolver.g.cs");
    }

    [Fact]
    public void Order_created_v2_has_the_members_the_schema_promises()
    {
        var (result, _, _) = GeneratorHarness.Run(GeneratorHarness.RealContracts());
        var source = GeneratorHarness.Source(result, "OrderCreatedV2");

        Assert.Contains("namespace EventContracts.Contracts.Order", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record OrderCreatedV2", source, StringComparison.Ordinal);
        Assert.Contains("public const string EventType = \"order.created\";", source, StringComparison.Ordinal);
        Assert.Contains("public const int SchemaVersion = 2;", source, StringComparison.Ordinal);
        Assert.Contains("[global::System.Text.Json.Serialization.JsonPropertyName(\"orderId\")]\n        public required global::System.Guid OrderId { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<LineItem> LineItems { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public Money? Subtotal { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public ChannelKind? Channel { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("[global::System.Text.Json.Serialization.JsonStringEnumMemberName(\"mobile_app\")]\n            MobileApp,", source, StringComparison.Ordinal);
        Assert.Contains("public string? CustomerNote { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required long Quantity { get; init; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_is_the_sha256_of_the_embedded_canonical_text()
    {
        var (_, output, compile) = GeneratorHarness.Run(GeneratorHarness.RealContracts());
        Assert.Empty(compile);
        var type = GeneratorHarness.Load(output).GetType("EventContracts.Contracts.Order.OrderShippedV1", throwOnError: true)!;

        var text = (string)type.GetField("SchemaText")!.GetRawConstantValue()!;
        var fingerprint = (string)type.GetField("Fingerprint")!.GetRawConstantValue()!;

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), fingerprint);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        using var reparsed = JsonDocument.Parse(text);
        Assert.Equal("Order shipped", reparsed.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Generated_record_round_trips_through_System_Text_Json()
    {
        var (_, output, compile) = GeneratorHarness.Run(GeneratorHarness.RealContracts());
        Assert.Empty(compile);
        var type = GeneratorHarness.Load(output).GetType("EventContracts.Contracts.Order.OrderPaidV1", throwOnError: true)!;
        const string json = """{"orderId":"7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f","customerId":"0e5b7a4c-8f3d-4a2b-9c1d-2e3f4a5b6c7d","paymentId":"1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d","amount":{"amount":"19.99","currency":"EUR"},"paymentMethod":"apple_pay","paidAt":"2026-01-02T03:04:05+00:00"}""";

        var evt = JsonSerializer.Deserialize(json, type)!;
        var back = JsonSerializer.Serialize(evt, type);

        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(back);
        Assert.Equal("apple_pay", actual.RootElement.GetProperty("paymentMethod").GetString());
        Assert.Equal("19.99", actual.RootElement.GetProperty("amount").GetProperty("amount").GetString());
        Assert.False(actual.RootElement.TryGetProperty("providerReference", out _), "an absent optional property is written as absent, not null: " + back);
        Assert.Equal(expected.RootElement.EnumerateObject().Count(), actual.RootElement.EnumerateObject().Count());
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"orderId":"7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f"}""", type));
        Assert.Contains("customerId", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_namespace_comes_from_the_msbuild_property()
    {
        var (result, _, compile) = GeneratorHarness.Run(
            GeneratorHarness.RealContracts(),
            new Dictionary<string, string> { [ContractGenerator.RootNamespaceProperty] = "Shop.Events" });

        Assert.Empty(compile);
        Assert.Contains("namespace Shop.Events.Order", GeneratorHarness.Source(result, "OrderPaidV1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_descriptions_and_names_compile_and_stay_in_comments()
    {
        const string schema = """
            {
              "type": "object",
              "title": "Evil */ </summary> \"quoted\"",
              "description": "line one\nline two\u2028public class Injected {}\r\n<b>&amp;</b>",
              "required": ["class"],
              "properties": {
                "class": { "type": "string", "description": "a keyword as a wire name" },
                "3d-model": { "type": "boolean" },
                "weight": { "type": "number", "format": "double" },
                "day": { "type": "string", "format": "date" },
                "link": { "type": "string", "format": "uri" },
                "tags": { "type": "array", "items": { "type": "object", "properties": { "k": { "type": "string" } } } },
                "inner": { "type": "object", "description": "*/ ///", "properties": { "v": { "type": "integer" } } }
              }
            }
            """;
        var (result, output, compile) = GeneratorHarness.Run([new InMemoryText("/c/shop/shop.item.added.v1.json", schema)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(compile);
        Assert.DoesNotContain(output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()), n => n.ToString().StartsWith("public class Injected", StringComparison.Ordinal));
        var source = GeneratorHarness.Source(result, "ShopItemAddedV1");
        Assert.Contains("public required string Class { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public bool? _3dModel { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public double? Weight { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateOnly? Day { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.Uri? Link { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<TagsItem>? Tags", source, StringComparison.Ordinal);
        Assert.Contains("public InnerDetails? Inner { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("/// Evil */ &lt;/summary&gt; \"quoted\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_referenced_twice_is_emitted_once()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "from": { "$ref": "#/$defs/status" },
                "to": { "$ref": "#/$defs/status" },
                "at": { "$ref": "#/$defs/stamp" },
                "price": { "$ref": "#/$defs/money" },
                "more": { "type": "array", "items": { "$ref": "#/$defs/money" } }
              },
              "$defs": {
                "status": { "type": "string", "enum": ["open", "closed"] },
                "stamp": { "type": "string", "format": "date-time" },
                "money": { "type": "object", "properties": { "amount": { "type": "string" } } }
              }
            }
            """;
        var (result, _, compile) = GeneratorHarness.Run([new InMemoryText("/c/order/order.status.changed.v1.json", schema)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(compile);
        var source = GeneratorHarness.Source(result, "OrderStatusChangedV1");
        Assert.Contains("public Status? From { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public Status? To { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateTimeOffset? At { get; init; }", source, StringComparison.Ordinal);
        Assert.Equal(2, source.Split("public enum Status").Length);
        Assert.Equal(2, source.Split("public sealed partial record Money").Length);
    }
}
