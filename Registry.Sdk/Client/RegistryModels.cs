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

/// <summary>The answer of the registry's stateless <c>POST /v1/compatibility</c>.</summary>
/// <param name="Compatible">Whether the candidate may follow the previous versions.</param>
/// <param name="Level">The level it was checked under, e.g. <c>BACKWARD</c>.</param>
/// <param name="Differences">Every difference found, compatible or not.</param>
public sealed record CompatibilityReport(
    [property: JsonPropertyName("compatible")] bool Compatible,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("differences")] IReadOnlyList<CompatibilityReportDifference> Differences);

/// <summary>One difference of a <see cref="CompatibilityReport"/>.</summary>
/// <param name="Type">Confluent's name for it, e.g. <c>TYPE_NARROWED</c>.</param>
/// <param name="Path">JSON pointer into the schema.</param>
/// <param name="Compatible">Whether this difference alone is compatible.</param>
/// <param name="Message">What changed, in words.</param>
/// <param name="AgainstVersion">1-based index into the previous schemas it was found against.</param>
public sealed record CompatibilityReportDifference(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("compatible")] bool Compatible,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("againstVersion")] int AgainstVersion);

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
