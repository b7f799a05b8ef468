using System.Globalization;
using System.Text.Json.Nodes;

namespace EventContracts.Api.Tests;

/// <summary>Subject names and lint-clean schemas for the tests.</summary>
internal static class Contracts
{
    private static int _next;

    /// <summary>
    /// A subject no other test uses: <c>order.created-value</c> becomes <c>t17.order.created-value</c>, which still
    /// passes EC001 (lower-case dotted segments, the last past tense) because <paramref name="eventType"/> has two segments.
    /// </summary>
    public static string Subject(string eventType = "order.created-value") =>
        $"t{Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)}.{eventType}";

    /// <summary>
    /// A closed order object: <c>orderId</c> required, plus optional string properties. Adding an optional property
    /// to a closed model is compatible under BACKWARD.
    /// </summary>
    public static string Order(params string[] optional)
    {
        var properties = new JsonObject { ["orderId"] = new JsonObject { ["type"] = "string" } };
        foreach (var name in optional)
        {
            properties[name] = new JsonObject { ["type"] = "string" };
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray("orderId"),
            ["additionalProperties"] = false,
        }.ToJsonString();
    }

    /// <summary>
    /// The v1 order with a root <c>description</c>: schemas that differ only there are distinct (each its own id) and
    /// all compatible with each other under any level, so concurrent writers may land them in any order.
    /// </summary>
    public static string OrderDescribed(string description)
    {
        var schema = JsonNode.Parse(Order())!.AsObject();
        schema["description"] = description;
        return schema.ToJsonString();
    }

    /// <summary>The v1 order with a <c>maxLength</c> on <c>orderId</c>: MAX_LENGTH_ADDED, incompatible under BACKWARD.</summary>
    public static string OrderWithMaxLength(int maxLength) =>
        new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["orderId"] = new JsonObject { ["type"] = "string", ["maxLength"] = maxLength } },
            ["required"] = new JsonArray("orderId"),
            ["additionalProperties"] = false,
        }.ToJsonString();
}
