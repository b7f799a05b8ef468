using Microsoft.CodeAnalysis;
using Xunit;

namespace EventContracts.SourceGen.Tests;

public class DiagnosticTests
{
    private const string Minimal = """{ "type": "object", "properties": { "id": { "type": "string" } } }""";

    [Fact]
    public void ECG001_invalid_json_is_an_error_at_its_line_and_column()
    {
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", "{\n  \"type\": \"object\",\n  \"properties\": { ,\n}")]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ECG001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/c/order/order.paid.v1.json", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Equal(18, span.StartLinePosition.Character);
        Assert.Equal("{\n  \"type\": \"object\",\n  \"properties\": { ".Length, d.Location.SourceSpan.Start);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Theory]
    [InlineData("order.paid.json")]
    [InlineData("order.paid.v0.json")]
    [InlineData("order.paid.v01.json")]
    [InlineData("Order.Paid.v1.json")]
    [InlineData("order_paid.v1.json")]
    [InlineData("paid.v1.json")]
    [InlineData("a.b.c.d.v1.json")]
    [InlineData("order.paid.v1.JSON")]
    public void ECG002_file_names_outside_design_section_4(string name)
    {
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/" + name, Minimal)]);

        Assert.Equal("ECG002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Major_version_in_the_event_type_is_part_of_the_type_name()
    {
        var (result, _, compile) = GeneratorHarness.Run([new InMemoryText("/c/order/order.created.v2.v3.json", Minimal)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains("public const string EventType = \"order.created.v2\";", GeneratorHarness.Source(result, "OrderCreatedV2V3"), StringComparison.Ordinal);
    }

    [Fact]
    public void ECG003_two_files_producing_one_type_name_are_both_reported()
    {
        var (result, _, _) = GeneratorHarness.Run(
        [
            new InMemoryText("/a/order/order.paid.v1.json", Minimal),
            new InMemoryText("/b/order/order.paid.v1.json", Minimal),
        ]);

        var diagnostics = result.Diagnostics.Where(d => d.Id == "ECG003").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path == "/a/order/order.paid.v1.json");
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path == "/b/order/order.paid.v1.json");
    }

    [Fact]
    public void ECG003_property_names_colliding_after_pascal_casing_are_reported_not_renamed()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "order_id": { "type": "string" },
                "orderId": { "type": "string" }
              }
            }
            """;
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ECG003", d.Id);
        Assert.Contains("orderId", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(4, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(schema.LastIndexOf("{ \"type\": \"string\" }", StringComparison.Ordinal), d.Location.SourceSpan.Start);
    }

    [Fact]
    public void ECG003_enum_values_colliding_after_pascal_casing()
    {
        const string schema = """{ "type": "object", "properties": { "m": { "type": "string", "enum": ["apple_pay", "apple-pay"] } } }""";
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        Assert.Equal("ECG003", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void ECG003_property_named_like_a_generated_constant()
    {
        const string schema = """{ "type": "object", "properties": { "eventType": { "type": "string" } } }""";
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        Assert.Equal("ECG003", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": ["string", "null"] } } }""")]
    [InlineData("""{ "type": "object", "properties": { "x": { "$ref": "other.json#/x" } } }""")]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "string", "if": {} } } }""")]
    [InlineData("""{ "type": "object", "additionalProperties": { "type": "string" } }""")]
    [InlineData("""[1, 2]""")]
    public void ECG004_unsupported_constructs(string schema)
    {
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        Assert.Contains(result.Diagnostics, d => d.Id == "ECG004" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void ECG005_oneOf_becomes_JsonElement_with_an_informational_diagnostic()
    {
        const string schema = """{ "type": "object", "properties": { "x": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } } }""";
        var (result, _, compile) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ECG005", d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Empty(compile);
        Assert.Contains("global::System.Text.Json.JsonElement? X", GeneratorHarness.Source(result, "OrderPaidV1"), StringComparison.Ordinal);
    }
}
