using EventContracts.Api.Auth;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;
using EventContracts.Api.Subjects;

namespace EventContracts.Api.Schemas;

/// <summary>Confluent's <c>/schemas</c> endpoints.</summary>
public static class SchemasApi
{
    public static IEndpointRouteBuilder MapSchemasApi(this IEndpointRouteBuilder app)
    {
        var schemas = app.MapGroup("/schemas").WithTags("Schemas").ForReaders();
        schemas.MapGet("/", ListSchemas).WithSummary("Every subject version with its schema.");
        schemas.MapGet("/types", () => ConfluentHttp.Ok<IReadOnlyList<string>>(["JSON"])).WithSummary("The schema types this registry accepts.");
        schemas.MapGet("/ids/{id}", GetById).Produces<SchemaByIdResponse>(200, ConfluentHttp.ContentType).WithSummary("A schema by its global id (soft-deleted ones included).");
        schemas.MapGet("/ids/{id}/schema", GetTextById).WithSummary("The schema text of an id.");
        schemas.MapGet("/ids/{id}/subjects", SubjectsOf).WithSummary("Subjects that registered this id.");
        schemas.MapGet("/ids/{id}/versions", VersionsOf).WithSummary("Subject versions that registered this id.");
        return app;
    }

    private static async Task<IResult> GetById(SchemaRegistry registry, SchemaCache cache, string id, CancellationToken cancellationToken)
    {
        // An id names one schema for ever, so its response body is built once and served as bytes.
        var number = SchemaId(id);
        if (!cache.TryGetResponse(number, out var body))
        {
            var schema = await registry.GetSchemaAsync(number, cancellationToken) ?? throw NotFound(number);
            body = JsonSerializer.SerializeToUtf8Bytes(new SchemaByIdResponse(schema.Text, "JSON", schema.References), ConfluentHttp.Json);
            cache.AddResponse(number, body);
        }

        return new ConfluentBytesResult(body);
    }

    private static async Task<IResult> GetTextById(SchemaRegistry registry, string id, CancellationToken cancellationToken)
    {
        var number = SchemaId(id);
        var schema = await registry.GetSchemaAsync(number, cancellationToken) ?? throw NotFound(number);
        return Results.Text(schema.Text, ConfluentHttp.ContentType);
    }

    private static async Task<ConfluentResult<IReadOnlyList<string>>> SubjectsOf(SchemaRegistry registry, string id, string? deleted, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(await registry.SubjectsOfSchemaAsync(SchemaId(id), ConfluentHttp.Flag(deleted, "deleted"), cancellationToken));

    private static async Task<ConfluentResult<List<SubjectVersionRef>>> VersionsOf(SchemaRegistry registry, string id, string? deleted, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok((await registry.VersionsOfSchemaAsync(SchemaId(id), ConfluentHttp.Flag(deleted, "deleted"), cancellationToken)).Select(v => new SubjectVersionRef(v.Subject, v.Version)).ToList());

    private static int SchemaId(string id) =>
        int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new RegistryException(ErrorCodes.SchemaNotFound, $"Schema id \"{id}\" not found: ids are positive integers.");

    private static RegistryException NotFound(int id) => new(ErrorCodes.SchemaNotFound, $"Schema {id} not found.");

    private static async Task<ConfluentResult<List<SubjectVersionResponse>>> ListSchemas(SchemaRegistry registry, string? subjectPrefix, string? deleted, string? latestOnly, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok((await registry.ListSchemasAsync(subjectPrefix, ConfluentHttp.Flag(deleted, "deleted"), ConfluentHttp.Flag(latestOnly, "latestOnly"), cancellationToken)).Select(SubjectVersionResponse.From).ToList());
}

/// <summary>A schema by id.</summary>
public sealed record SchemaByIdResponse(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaType")] string SchemaType,
    [property: JsonPropertyName("references")] IReadOnlyList<SchemaReference> References);

/// <summary>A subject and version that registered an id.</summary>
public sealed record SubjectVersionRef(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version);
