using System.Text;
using EventContracts.Schemas;
using EventContracts.Serialization;
using EventContracts.Serialization.Validation;
using Xunit;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>The validator built once per schema id: the streaming path, and NJsonSchema for what it does not compile.</summary>
public sealed class SchemaValidatorTests
{
    [Theory]
    [InlineData("order.created.v1")]
    [InlineData("order.created.v2")]
    [InlineData("order.paid.v1")]
    [InlineData("order.shipped.v1")]
    [InlineData("order.delayed.v1")]
    public async Task Every_contract_of_the_project_is_validated_by_the_streaming_path(string contract)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Root(), "contracts", "order", contract + ".json"));

        var validator = await SchemaValidator.CreateAsync(contract, ContractSchema.Parse(text));

        Assert.True(validator.IsCompiled);
    }

    [Theory]
    [InlineData("""{"id":"a"}""", "", "required")]
    [InlineData("""{"id":"a","n":1,"extra":true}""", "", "additionalProperties")]
    [InlineData("""{"id":"a","n":1.5}""", "/n", "type")]
    [InlineData("""{"id":"a","n":11}""", "/n", "maximum")]
    [InlineData("""{"id":"abc-toolong","n":1}""", "/id", "maxLength")]
    [InlineData("""{"id":"a","n":1,"tags":["x","Y"]}""", "/tags/1", "pattern")]
    [InlineData("""{"id":"a","n":1,"kind":"z"}""", "/kind", "enum")]
    [InlineData("""{"id":"a","n":1,"at":"yesterday"}""", "/at", "format")]
    [InlineData("""{"id":"a","n":1,"pick":{"a":1,"b":2}}""", "/pick", "oneOf")]
    [InlineData("""{"id":"a","n":1,"tags":[]}""", "/tags", "minItems")]
    [InlineData("""[1]""", "", "type")]
    [InlineData("""{"id":"a",""", "", "json")]
    public async Task Failure_names_the_pointer_and_the_rule(string json, string pointer, string rule)
    {
        var validator = await SchemaValidator.CreateAsync("test.checked", ContractSchema.Parse(Schema));

        var e = Assert.Throws<EventValidationException>(() => validator.Validate(Encoding.UTF8.GetBytes(json)));

        Assert.Equal((pointer, rule), (e.Pointer, e.Rule));
    }

    [Fact]
    public async Task Valid_payload_passes()
    {
        var validator = await SchemaValidator.CreateAsync("test.checked", ContractSchema.Parse(Schema));

        validator.Validate("""{"id":"a\u00e9","n":10,"tags":["x"],"kind":"k1","at":"2026-11-29T10:15:30Z","pick":{"a":1},"rec":{"next":{"next":{}}}}"""u8);

        Assert.True(validator.IsCompiled);
    }

    [Fact]
    public async Task Validating_a_valid_event_allocates_nothing()
    {
        var validator = await SchemaValidator.CreateAsync("order.created", ContractSchema.Parse(EventContracts.Contracts.Order.OrderCreatedV2.SchemaText));
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Events.CreatedV2());
        validator.Validate(json);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            validator.Validate(json);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Schema_with_a_keyword_the_streaming_path_lacks_is_validated_by_NJsonSchema()
    {
        const string schema = """{"type":"object","patternProperties":{"^x-":{"type":"integer"}}}""";
        var validator = await SchemaValidator.CreateAsync("test.patterned", ContractSchema.Parse(schema));

        var e = Assert.Throws<EventValidationException>(() => validator.Validate("""{"x-a":"no"}"""u8));

        Assert.False(validator.IsCompiled);
        Assert.Equal("/x-a", e.Pointer);
        validator.Validate("""{"x-a":1}"""u8);
    }

    [Fact]
    public async Task Catastrophic_pattern_fails_instead_of_hanging()
    {
        var validator = await SchemaValidator.CreateAsync("test.regex", ContractSchema.Parse("""{"type":"string","pattern":"^(a+)+$"}"""));

        var e = Assert.Throws<EventValidationException>(() => validator.Validate(Encoding.UTF8.GetBytes("\"" + new string('a', 40) + "!\"")));

        Assert.Equal("pattern", e.Rule);
    }

    private const string Schema = """
        {"type":"object","additionalProperties":false,"required":["id","n"],
         "properties":{
           "id":{"type":"string","maxLength":3},
           "n":{"type":"integer","maximum":10},
           "tags":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[a-z]+$"}},
           "kind":{"enum":["k1","k2"]},
           "at":{"type":"string","format":"date-time"},
           "pick":{"oneOf":[{"required":["a"]},{"required":["b"]}]},
           "rec":{"$ref":"#/$defs/node"}},
         "$defs":{"node":{"type":"object","properties":{"next":{"$ref":"#/$defs/node"}}}}}
        """;

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "contracts")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("no contracts/ above the test output");
    }
}
