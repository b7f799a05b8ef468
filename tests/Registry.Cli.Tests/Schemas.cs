namespace EventContracts.Cli.Tests;

/// <summary>Small schema texts the tests share.</summary>
internal static class Schemas
{
    public const string ClosedWithName = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" }
          },
          "additionalProperties": false
        }
        """;

    public const string ClosedWithNameMaxLength = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "maxLength": 10 }
          },
          "additionalProperties": false
        }
        """;

    public const string ClosedWithNameAndOptionalNote = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "note": { "type": "string" }
          },
          "additionalProperties": false
        }
        """;

    public const string OpenWithName = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" }
          }
        }
        """;

    public const string OpenWithNameAndOptionalNote = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "note": { "type": "string" }
          }
        }
        """;

    /// <summary>A contract that breaks none of the DESIGN §6 rules.</summary>
    public const string CleanOrderCreated = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order created",
          "description": "An order was placed.",
          "type": "object",
          "properties": {
            "orderId": { "type": "string" },
            "occurredAt": { "type": "string", "format": "date-time" }
          },
          "required": ["orderId", "occurredAt"],
          "additionalProperties": false
        }
        """;

    /// <summary>A closed object whose property name breaks EC003 (camelCase) on line 4.</summary>
    public const string PascalCaseProperty = """
        {
          "type": "object",
          "properties": {
            "OrderId": { "type": "string" }
          },
          "additionalProperties": false
        }
        """;

    /// <summary>JSON nested <paramref name="depth"/> arrays deep.</summary>
    public static string NestedArrays(int depth) => new string('[', depth) + new string(']', depth);
}
