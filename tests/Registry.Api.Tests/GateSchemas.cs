using System.Text.Json.Nodes;

namespace EventContracts.Api.Tests;

/// <summary>Small lint-clean event schemas for the gate tests, and their registration under a subject of their own.</summary>
internal static class GateSchemas
{
    /// <summary>An object schema with the given properties (<c>name:type</c>, e.g. <c>amount:number</c>), required names, and closed or open.</summary>
    public static string Event(bool closed, string[] required, params string[] properties)
    {
        var declared = new JsonObject();
        foreach (var property in properties)
        {
            var (name, type) = (property.Split(':')[0], property.Split(':')[1]);
            declared[name] = type.StartsWith("enum=", StringComparison.Ordinal)
                ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. type["enum=".Length..].Split('|').Select(v => (JsonNode)v)]) }
                : new JsonObject { ["type"] = type };
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = declared,
            ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
            ["additionalProperties"] = !closed,
        }.ToJsonString();
    }

    /// <summary>A closed event: <c>orderId</c> and the given properties, the listed ones required.</summary>
    public static string Closed(string[] required, params string[] properties) => Event(true, ["orderId", .. required], ["orderId:string", .. properties]);

    /// <summary>An open event (additionalProperties true): <c>orderId</c> and the given properties, the listed ones required.</summary>
    public static string Open(string[] required, params string[] properties) => Event(false, ["orderId", .. required], ["orderId:string", .. properties]);

    /// <summary>
    /// Registers the schemas as versions 1, 2, 3… of <paramref name="subject"/> under compatibility NONE (the gate, not
    /// registration, is under test), with the subject's policy when given.
    /// </summary>
    public static async Task RegisterAsync(HttpClient http, string subject, string? policy, params string[] schemas)
    {
        var config = new JsonObject { ["compatibility"] = "NONE" };
        if (policy is not null)
        {
            config["compatibilityPolicy"] = policy;
        }

        await HttpAssert.PutAsync(http, $"config/{subject}", config);
        foreach (var schema in schemas)
        {
            await HttpAssert.RegisterAsync(http, subject, schema);
        }
    }
}
