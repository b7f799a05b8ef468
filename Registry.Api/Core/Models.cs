using System.Text.Json.Serialization;

namespace EventContracts.Api.Core;

/// <summary>A reference from a schema to a registered subject version; <see cref="Name"/> is what its <c>$ref</c> says.</summary>
public sealed record SchemaReference(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version);

/// <summary>A schema sent for registration, lookup or a compatibility check.</summary>
/// <param name="Schema">The schema text.</param>
/// <param name="SchemaType">JSON (the default when absent); AVRO and PROTOBUF are refused.</param>
/// <param name="References">Registered schemas its <c>$ref</c>s may name.</param>
/// <param name="Id">An explicit id, honoured in IMPORT mode.</param>
/// <param name="Version">An explicit version, honoured in IMPORT mode.</param>
public sealed record SchemaSubmission(string Schema, string? SchemaType, IReadOnlyList<SchemaReference> References, int? Id = null, int? Version = null);

/// <summary>A schema by id, as stored.</summary>
public sealed record StoredSchema(int Id, string Text, IReadOnlyList<SchemaReference> References);

/// <summary>One version of a subject with its schema.</summary>
public sealed record SubjectVersion(string Subject, int Version, int Id, string Schema, IReadOnlyList<SchemaReference> References, bool Deleted);

/// <summary>The result of a registration.</summary>
/// <param name="Id">The schema id (shared across subjects).</param>
/// <param name="Version">The subject version.</param>
/// <param name="Created">False when the schema was already registered under the subject (idempotent path).</param>
public sealed record Registration(int Id, int Version, bool Created);
