using EventContracts.Compatibility;
using Xunit;

namespace EventContracts.Tests.Compatibility;

public sealed class SchemaComparerTests
{
    private const string Closed = """{"type":"object","properties":{"id":{"type":"string"}},"additionalProperties":false}""";
    private const string Open = """{"type":"object","properties":{"id":{"type":"string"}}}""";

    [Theory]
    // strings
    [InlineData("""{"type":"string"}""", """{"type":"string","maxLength":5}""", false, "MAX_LENGTH_ADDED #/maxLength")]
    [InlineData("""{"type":"string","maxLength":5}""", """{"type":"string"}""", true, "MAX_LENGTH_REMOVED #/maxLength")]
    [InlineData("""{"type":"string","maxLength":5}""", """{"type":"string","maxLength":9}""", true, "MAX_LENGTH_INCREASED #/maxLength")]
    [InlineData("""{"type":"string","maxLength":9}""", """{"type":"string","maxLength":5}""", false, "MAX_LENGTH_DECREASED #/maxLength")]
    [InlineData("""{"type":"string","minLength":1}""", """{"type":"string","minLength":3}""", false, "MIN_LENGTH_INCREASED #/minLength")]
    [InlineData("""{"type":"string","minLength":3}""", """{"type":"string","minLength":1}""", true, "MIN_LENGTH_DECREASED #/minLength")]
    [InlineData("""{"type":"string"}""", """{"type":"string","minLength":1}""", false, "MIN_LENGTH_ADDED #/minLength")]
    [InlineData("""{"type":"string"}""", """{"type":"string","pattern":"^a"}""", false, "PATTERN_ADDED #/pattern")]
    [InlineData("""{"type":"string","pattern":"^a"}""", """{"type":"string","pattern":"^b"}""", false, "PATTERN_CHANGED #/pattern")]
    [InlineData("""{"type":"string","pattern":"^a"}""", """{"type":"string"}""", true, "PATTERN_REMOVED #/pattern")]
    // numbers
    [InlineData("""{"type":"integer"}""", """{"type":"number"}""", true, "TYPE_EXTENDED #/")]
    [InlineData("""{"type":"number"}""", """{"type":"integer"}""", false, "TYPE_NARROWED #/")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","maximum":20}""", true, "MAXIMUM_INCREASED #/maximum")]
    [InlineData("""{"type":"number","maximum":10}""", """{"type":"number","maximum":5}""", false, "MAXIMUM_DECREASED #/maximum")]
    [InlineData("""{"type":"number","minimum":1}""", """{"type":"number","minimum":0}""", true, "MINIMUM_DECREASED #/minimum")]
    [InlineData("""{"type":"number"}""", """{"type":"number","exclusiveMinimum":0}""", false, "EXCLUSIVE_MINIMUM_ADDED #/exclusiveMinimum")]
    [InlineData("""{"type":"number","multipleOf":2}""", """{"type":"number","multipleOf":4}""", false, "MULTIPLE_OF_EXPANDED #/multipleOf")]
    [InlineData("""{"type":"number","multipleOf":4}""", """{"type":"number","multipleOf":2}""", true, "MULTIPLE_OF_REDUCED #/multipleOf")]
    [InlineData("""{"type":"number","multipleOf":3}""", """{"type":"number","multipleOf":2}""", false, "MULTIPLE_OF_CHANGED #/multipleOf")]
    // types
    [InlineData("""{"type":"string"}""", """{"type":"object"}""", false, "TYPE_CHANGED #/")]
    [InlineData("""{"type":"string"}""", """{"type":["string","null"]}""", true, "SUM_TYPE_EXTENDED #/")]
    [InlineData("""{"type":["string","null"]}""", """{"type":"string"}""", false, "SUM_TYPE_NARROWED #/")]
    [InlineData("""{"type":["string","integer"]}""", """{"type":["string","boolean"]}""", false, "COMBINED_TYPE_SUBSCHEMAS_CHANGED #/")]
    [InlineData("""{"type":["integer","null"]}""", """{"type":["number","null"]}""", true, "TYPE_EXTENDED #/")]
    [InlineData("""{"type":"string"}""", """{"anyOf":[{"type":"string"},{"type":"null"}]}""", true, "SUM_TYPE_EXTENDED #/")]
    [InlineData("""{"type":["string","null"]}""", """{"anyOf":[{"type":"null"},{"type":"string"}]}""", true, null)]
    [InlineData("""{"type":["string","null"]}""", """{"oneOf":[{"type":"null"},{"type":"string"}]}""", false, "COMBINED_TYPE_CHANGED #/")]
    [InlineData("""{"enum":["a","b"]}""", """{"type":"string"}""", false, "TYPE_CHANGED #/")]
    [InlineData("""{"type":"string"}""", """{}""", true, null)]
    [InlineData("""{}""", """{"type":"string"}""", false, "TYPE_CHANGED #/")]
    [InlineData("""false""", """{"type":"string"}""", true, null)]
    [InlineData("""true""", """false""", false, "TYPE_CHANGED #/")]
    // enums
    [InlineData("""{"type":"string","enum":["a","b"]}""", """{"type":"string","enum":["b","a","c"]}""", true, "ENUM_ARRAY_EXTENDED #/enum")]
    [InlineData("""{"type":"string","enum":["a","b"]}""", """{"type":"string","enum":["a"]}""", false, "ENUM_ARRAY_NARROWED #/enum")]
    [InlineData("""{"enum":["a","b"]}""", """{"enum":["a","c"]}""", false, "ENUM_ARRAY_CHANGED #/enum")]
    [InlineData("""{"type":"string","enum":["a","b"]}""", """{"type":"string"}""", true, "ENUM_ARRAY_EXTENDED #/enum")]
    [InlineData("""{"type":"string"}""", """{"type":"string","enum":["a"]}""", false, "ENUM_ARRAY_NARROWED #/enum")]
    [InlineData("""{"const":"a"}""", """{"enum":["a","b"]}""", true, "ENUM_ARRAY_EXTENDED #/enum")]
    // closed content model
    [InlineData(Closed, """{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}},"additionalProperties":false}""", true, "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/note")]
    [InlineData(Closed, """{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}},"required":["note"],"additionalProperties":false}""", false, "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/note")]
    [InlineData(Closed, """{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string","default":""}},"required":["note"],"additionalProperties":false}""", true, "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/note")]
    [InlineData(Closed, """{"type":"object","properties":{},"additionalProperties":false}""", false, "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/id")]
    [InlineData("""{"type":"object","properties":{"id":false},"additionalProperties":false}""", """{"type":"object","additionalProperties":false}""", true, "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/id")]
    // open content model
    [InlineData(Open, """{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}}}""", false, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/note")]
    [InlineData(Open, """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""", true, "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL #/properties/note")]
    [InlineData(Open, """{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}},"required":["note"]}""", false, "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/note")]
    [InlineData(Open, """{"type":"object","properties":{}}""", true, "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL #/properties/id")]
    [InlineData(Open, """{"type":"object","properties":{"id":{"type":"string"}},"additionalProperties":false}""", false, "ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties")]
    [InlineData(Closed, """{"type":"object","properties":{"id":{"type":"string"}}}""", true, "ADDITIONAL_PROPERTIES_ADDED #/additionalProperties")]
    // partially open content model
    [InlineData("""{"type":"object","additionalProperties":{"type":"string"}}""", """{"type":"object","properties":{"a":{"type":"string","maxLength":3}},"additionalProperties":{"type":"string"}}""", false, "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a")]
    [InlineData("""{"type":"object","additionalProperties":{"type":"string"}}""", """{"type":"object","properties":{"a":{"type":["string","null"]}},"additionalProperties":{"type":"string"}}""", true, "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"string"}}""", """{"type":"object","additionalProperties":{"type":"string"}}""", true, "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"integer"}},"patternProperties":{"^s_":{"type":"string"}}}""", """{"type":"object","patternProperties":{"^a":{"type":"string"}}}""", false, "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a")]
    [InlineData("""{"type":"object","additionalProperties":{"type":"string"}}""", """{"type":"object","additionalProperties":{"type":"string","maxLength":3}}""", false, "ADDITIONAL_PROPERTIES_NARROWED #/additionalProperties")]
    [InlineData("""{"type":"object","additionalProperties":{"type":"integer"}}""", """{"type":"object","additionalProperties":{"type":"number"}}""", true, "ADDITIONAL_PROPERTIES_EXTENDED #/additionalProperties")]
    // required
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", false, "REQUIRED_ATTRIBUTE_ADDED #/required/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"type":"object","properties":{"a":{"type":"string","default":"x"}},"required":["a"]}""", true, "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED #/required/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", """{"type":"object","properties":{"a":{"type":"string"}}}""", true, "REQUIRED_ATTRIBUTE_REMOVED #/required/a")]
    // nested
    [InlineData("""{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}}}}}""", """{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string","maxLength":2}}}}}""", false, "MAX_LENGTH_ADDED #/properties/a/properties/b/maxLength")]
    // arrays
    [InlineData("""{"type":"array","items":{"type":"integer"}}""", """{"type":"array","items":{"type":"number"}}""", true, "TYPE_EXTENDED #/items")]
    [InlineData("""{"type":"array","items":{"type":"number"}}""", """{"type":"array","items":{"type":"string"}}""", false, "TYPE_CHANGED #/items")]
    [InlineData("""{"type":"array"}""", """{"type":"array","maxItems":3}""", false, "MAX_ITEMS_ADDED #/maxItems")]
    [InlineData("""{"type":"array","minItems":2}""", """{"type":"array","minItems":1}""", true, "MIN_ITEMS_DECREASED #/minItems")]
    [InlineData("""{"type":"array"}""", """{"type":"array","uniqueItems":true}""", false, "UNIQUE_ITEMS_ADDED #/uniqueItems")]
    [InlineData("""{"type":"array","uniqueItems":true}""", """{"type":"array"}""", true, "UNIQUE_ITEMS_REMOVED #/uniqueItems")]
    [InlineData("""{"type":"array","items":[{"type":"string"}],"additionalItems":false}""", """{"type":"array","items":[{"type":"string"},{"type":"integer"}],"additionalItems":false}""", true, "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL #/items/1")]
    [InlineData("""{"type":"array","items":[{"type":"string"}]}""", """{"type":"array","items":[{"type":"string"},{"type":"integer"}]}""", false, "ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1")]
    [InlineData("""{"type":"array","items":[{"type":"string"},{"type":"integer"}],"additionalItems":false}""", """{"type":"array","items":[{"type":"string"}],"additionalItems":false}""", false, "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1")]
    [InlineData("""{"type":"array","items":[{"type":"string"},{"type":"integer"}]}""", """{"type":"array","items":[{"type":"string"}]}""", true, "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL #/items/1")]
    [InlineData("""{"type":"array","items":[{"type":"string"}]}""", """{"type":"array","items":[{"type":"string"}],"additionalItems":false}""", false, "ADDITIONAL_ITEMS_REMOVED #/additionalItems")]
    [InlineData("""{"type":"array","items":[{"type":"string"}],"additionalItems":{"type":"integer"}}""", """{"type":"array","items":[{"type":"string"},{"type":"number"}],"additionalItems":{"type":"integer"}}""", true, "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1")]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array","prefixItems":[{"type":"string"}],"items":false}""", """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array","prefixItems":[{"type":"string","maxLength":1}],"items":false}""", false, "MAX_LENGTH_ADDED #/items/0/maxLength")]
    // combined
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"integer"},{"type":"string"}]}""", true, null)]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"integer"},{"type":"string"},{"type":"boolean"}]}""", true, "SUM_TYPE_EXTENDED #/")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"}]}""", false, "SUM_TYPE_NARROWED #/")]
    [InlineData("""{"allOf":[{"type":"string"},{"maxLength":4}]}""", """{"allOf":[{"type":"string"}]}""", true, "PRODUCT_TYPE_NARROWED #/")]
    [InlineData("""{"allOf":[{"type":"string"}]}""", """{"allOf":[{"type":"string"},{"maxLength":4}]}""", false, "PRODUCT_TYPE_EXTENDED #/")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"anyOf":[{"type":"string"},{"type":"integer"}]}""", true, "COMBINED_TYPE_EXTENDED #/")]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"},{"type":"integer"}]}""", false, "COMBINED_TYPE_CHANGED #/")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"boolean"},{"type":"integer"}]}""", false, "COMBINED_TYPE_SUBSCHEMAS_CHANGED #/")]
    [InlineData("""{"oneOf":[{"type":"string","maxLength":3},{"type":"integer"}]}""", """{"oneOf":[{"type":"integer"},{"type":"string"}]}""", true, "MAX_LENGTH_REMOVED #/oneOf/0/maxLength")]
    // not
    [InlineData("""{"not":{"type":"string"}}""", """{"not":{"type":["string","integer"]}}""", false, "NOT_TYPE_EXTENDED #/not")]
    [InlineData("""{"not":{"type":["string","integer"]}}""", """{"not":{"type":"string"}}""", true, "NOT_TYPE_NARROWED #/not")]
    // annotations
    [InlineData("""{"type":"string","description":"a"}""", """{"type":"string","description":"b"}""", true, "DESCRIPTION_CHANGED #/")]
    [InlineData("""{"type":"string","title":"a"}""", """{"type":"string","title":"b"}""", true, "TITLE_CHANGED #/")]
    [InlineData("""{"type":"string","default":"a"}""", """{"type":"string","default":"b"}""", true, "DEFAULT_CHANGED #/")]
    [InlineData("""{"$id":"urn:a","type":"string"}""", """{"$id":"urn:b","type":"string"}""", true, "ID_CHANGED #/")]
    // dependencies
    [InlineData("""{"type":"object","dependencies":{"a":["b"]}}""", """{"type":"object"}""", true, "DEPENDENCY_ARRAY_REMOVED #/dependencies/a")]
    [InlineData("""{"type":"object"}""", """{"type":"object","dependencies":{"a":["b"]}}""", false, "DEPENDENCY_ARRAY_ADDED #/dependencies/a")]
    [InlineData("""{"type":"object","dependencies":{"a":["b"]}}""", """{"type":"object","dependencies":{"a":["b","c"]}}""", false, "DEPENDENCY_ARRAY_EXTENDED #/dependencies/a")]
    [InlineData("""{"type":"object","dependencies":{"a":["b","c"]}}""", """{"type":"object","dependencies":{"a":["b"]}}""", true, "DEPENDENCY_ARRAY_NARROWED #/dependencies/a")]
    [InlineData("""{"type":"object"}""", """{"type":"object","dependencies":{"a":{"required":["b"]}}}""", false, "DEPENDENCY_SCHEMA_ADDED #/dependencies/a")]
    [InlineData("""{"type":"object","dependencies":{"a":{"required":["b"]}}}""", """{"type":"object"}""", true, "DEPENDENCY_SCHEMA_REMOVED #/dependencies/a")]
    public void Backward_difference_is_reported_with_verdict_and_path(string previous, string candidate, bool compatible, string? expected)
    {
        var result = Check.Backward(previous, candidate);

        Assert.True(compatible == result.IsCompatible, $"expected compatible={compatible}; got {string.Join(", ", result.All())}");
        if (expected is not null)
        {
            Assert.Contains(expected, result.All());
        }
    }
}
