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
        var path = "/c/order/" + name;
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText(path, Minimal)], metadata: MarkedAsContract(path));

        Assert.Equal("ECG002", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("order.paid.v0.json")]
    [InlineData("Order.Paid.v1.json")]
    [InlineData("paid.v1.json")]
    public void ECG002_unmarked_files_named_like_contracts_are_checked_too(string name)
    {
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/" + name, Minimal)]);

        Assert.Equal("ECG002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Json_files_not_marked_as_contracts_and_not_named_like_one_are_left_alone()
    {
        var (result, _, compile) = GeneratorHarness.Run(
        [
            new InMemoryText("/c/appsettings.json", """{ "Logging": {} }"""),
            new InMemoryText("/c/order/order.paid.v1.json", "not json at all"),
            new InMemoryText("/c/order/order.created.v1.json", Minimal),
        ],
            metadata: new() { ["/c/order/order.paid.v1.json"] = new() { [ContractGenerator.ContractMetadata] = "false" } });

        Assert.Empty(result.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName.Contains(".OrderCreatedV1.", StringComparison.Ordinal));
        Assert.Equal(2, result.Results.Single().GeneratedSources.Length);
    }

    private static Dictionary<string, Dictionary<string, string>> MarkedAsContract(string path) =>
        new() { [path] = new() { [ContractGenerator.ContractMetadata] = "true" } };

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
    [InlineData("""{ "type": "object", "properties": { "x": { "$ref": "other.json#/x" } } }""", "not a local reference")]
    [InlineData("""{ "type": "object", "properties": { "x": { "$ref": "https://example.com/x.json" } } }""", "not a local reference")]
    [InlineData("""{ "type": "object", "properties": { "x": { "$ref": "#/$defs/missing" } } }""", "does not point at a schema")]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "strin" } } }""", "does not exist in JSON Schema")]
    [InlineData("""{ "oneOf": [ { "type": "object" }, { "type": "string" } ] }""", "must be an object schema")]
    [InlineData("""[1, 2]""", "must be an object schema")]
    public void ECG004_constructs_no_type_can_be_generated_for_are_errors(string schema, string message)
    {
        var (result, _, _) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ECG004", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "string" } }, "patternProperties": { "^y": { "type": "string" } } }""", "patternProperties")]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "string" } }, "additionalProperties": { "type": "integer" } }""", "additionalProperties")]
    [InlineData("""{ "type": "object", "additionalProperties": { "type": "integer" } }""", "additionalProperties")]
    public void ECG006_values_the_record_would_drop_are_a_warning(string schema, string keyword)
    {
        var (result, _, compile) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ECG006", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains(keyword, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(compile);
    }

    [Fact]
    public void Validation_only_and_unknown_keywords_do_not_stop_the_build()
    {
        const string schema = """
            {
              "$comment": "keywords that constrain values but not the C# type",
              "type": "object",
              "x-owner": "team-orders",
              "minProperties": 1,
              "dependentRequired": { "a": ["b"] },
              "properties": {
                "a": { "type": "string", "if": { "minLength": 3 }, "then": { "maxLength": 9 }, "not": { "const": "x" }, "contentEncoding": "base64" },
                "b": { "type": "integer", "format": "int32", "examples": [1] }
              }
            }
            """;
        var (result, _, compile) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(compile);
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
