using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using Xunit;

namespace EventContracts.Contracts.Tests;

internal static class ContractAssert
{
    /// <summary>Fails with NJsonSchema's errors when <paramref name="json"/> does not validate against <paramref name="schema"/>.</summary>
    public static void Valid(JsonSchema schema, string json, string what)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what} does not validate:\n  {string.Join("\n  ", errors)}\n{json}");
    }

    /// <summary>
    /// Deserializes <paramref name="json"/> into <paramref name="type"/> with plain <see cref="JsonSerializer"/> (as an
    /// application would), serializes it back, and asserts the two JSON documents are equal as JSON (member order and
    /// number spelling aside) and that what came back still validates. Returns the deserialized value.
    /// </summary>
    public static object RoundTrips(JsonSchema schema, Type type, string json)
    {
        Valid(schema, json, "the instance");
        var value = JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException("deserialized to null");
        var back = JsonSerializer.Serialize(value, type);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(back)),
            $"the round trip through {type.Name} changed the JSON:\nsent {json}\ngot  {back}");
        Valid(schema, back, $"what {type.Name} serialized");
        return value;
    }

    /// <summary>As <see cref="RoundTrips(JsonSchema, Type, string)"/> for a generated type, against its own contract file.</summary>
    public static async Task<T> RoundTripsAsync<T>(string json)
    {
        var schema = await ContractFile.Of<T>().SchemaAsync();
        return (T)RoundTrips(schema, typeof(T), json);
    }
}
