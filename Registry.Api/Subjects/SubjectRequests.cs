using System.Text.Json.Serialization;
using EventContracts.Api.Core;

namespace EventContracts.Api.Subjects;

/// <summary>The body of register, lookup and compatibility requests. Unknown fields (metadata, ruleSet) are ignored.</summary>
public sealed record SchemaRequest(
    [property: JsonPropertyName("schema")] string? Schema,
    [property: JsonPropertyName("schemaType")] string? SchemaType = null,
    [property: JsonPropertyName("references")] IReadOnlyList<SchemaReference>? References = null,
    [property: JsonPropertyName("id")] int? Id = null,
    [property: JsonPropertyName("version")] int? Version = null)
{
    public SchemaSubmission ToSubmission() => new(Schema ?? string.Empty, SchemaType, References ?? [], Id, Version);
}

/// <summary>Response of a registration.</summary>
public sealed record RegisterResponse([property: JsonPropertyName("id")] int Id);

/// <summary>A subject version as Confluent returns it; <c>schemaType</c> is always present.</summary>
public sealed record SubjectVersionResponse(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("schemaType")] string SchemaType,
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("references")] IReadOnlyList<SchemaReference> References)
{
    public static SubjectVersionResponse From(SubjectVersion version) =>
        new(version.Subject, version.Version, version.Id, "JSON", version.Schema, version.References);
}
