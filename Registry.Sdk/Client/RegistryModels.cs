using System.Text.Json.Serialization;
using EventContracts.Schemas;

namespace EventContracts.Client;

/// <summary>A schema the registry holds under <paramref name="Id"/>, parsed. The same id always names the same schema.</summary>
/// <param name="Id">The global schema id.</param>
/// <param name="Schema">The schema, parsed by the one engine.</param>
public sealed record RegisteredSchema(int Id, ContractSchema Schema);

/// <summary>A version of a subject: which schema id it holds and the schema.</summary>
/// <param name="Subject">The subject (the event type, or its Kafka <c>-value</c> form).</param>
/// <param name="Version">The version within the subject, 1, 2, 3…</param>
/// <param name="Id">The global schema id.</param>
/// <param name="Schema">The schema, parsed.</param>
public sealed record SubjectSchema(string Subject, int Version, int Id, ContractSchema Schema);

/// <summary>A subject version as the Confluent surface answers it (<c>GET /subjects/{s}/versions/{v}</c>), the schema as text.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version within the subject.</param>
/// <param name="Id">The global schema id.</param>
/// <param name="Schema">The schema text as registered.</param>
public sealed record SubjectVersion(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("schema")] string Schema);

/// <summary>The level and policy a subject's registrations are checked under (<c>GET /config/{s}?defaultToGlobal=true</c>).</summary>
/// <param name="CompatibilityLevel">The level, e.g. <c>BACKWARD</c>.</param>
/// <param name="CompatibilityPolicy">The policy, <c>STRICT</c> or <c>LENIENT</c>; null from registries that do not have one.</param>
public sealed record SubjectConfig(
    [property: JsonPropertyName("compatibilityLevel")] string CompatibilityLevel,
    [property: JsonPropertyName("compatibilityPolicy")] string? CompatibilityPolicy);

/// <summary>A 2xx answer of the registry: the value read from it, its status (201 created or 200 already there) and the body as sent.</summary>
/// <typeparam name="T">What the body was read as.</typeparam>
/// <param name="Value">The body, read.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body text as the registry sent it.</param>
public sealed record RegistryResponse<T>(T Value, System.Net.HttpStatusCode Status, string Body);
