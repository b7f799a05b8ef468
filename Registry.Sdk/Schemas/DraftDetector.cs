using System.Text.Json;

namespace EventContracts.Schemas;

internal static class DraftDetector
{
    public static JsonSchemaDraft Detect(JsonElement root, SourceMap map, string? sourcePath)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out var schema))
        {
            return JsonSchemaDraft.Draft7;
        }

        var uri = schema.ValueKind == JsonValueKind.String ? schema.GetString()! : string.Empty;
        var trimmed = uri.TrimEnd('#').Replace("https://", "http://", StringComparison.Ordinal);
        return trimmed switch
        {
            "http://json-schema.org/draft-04/schema" or "http://json-schema.org/schema" => JsonSchemaDraft.Draft4,
            "http://json-schema.org/draft-06/schema" => JsonSchemaDraft.Draft6,
            "http://json-schema.org/draft-07/schema" => JsonSchemaDraft.Draft7,
            "http://json-schema.org/draft/2019-09/schema" => JsonSchemaDraft.Draft201909,
            "http://json-schema.org/draft/2020-12/schema" => JsonSchemaDraft.Draft202012,
            _ => throw new SchemaException(
                SchemaErrorKind.NotASchema,
                $"$schema \"{uri}\" is not a draft EventContracts reads; use http://json-schema.org/draft-04/schema#, draft-06, draft-07, https://json-schema.org/draft/2019-09/schema or https://json-schema.org/draft/2020-12/schema.",
                "#/$schema",
                map.PositionOf("#/$schema"),
                sourcePath),
        };
    }
}
