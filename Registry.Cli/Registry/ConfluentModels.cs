using System.Text.Json.Serialization;

namespace EventContracts.Cli.Registry;

/// <summary>A subject version as the Confluent surface answers it (<c>GET /subjects/{s}/versions/{v}</c>, lookup).</summary>
internal sealed record SubjectVersion(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("schema")] string Schema);

/// <summary>The answer of a registration: the schema id.</summary>
internal sealed record RegisteredSchema([property: JsonPropertyName("id")] int Id);

/// <summary><c>GET /config/{s}?defaultToGlobal=true</c>: the level and policy a registration of the subject is checked under.</summary>
internal sealed record SubjectConfig(
    [property: JsonPropertyName("compatibilityLevel")] string CompatibilityLevel,
    [property: JsonPropertyName("compatibilityPolicy")] string? CompatibilityPolicy);

/// <summary>Answer of the native <c>POST /v1/compatibility</c>.</summary>
internal sealed record CompatibilityAnswer(
    [property: JsonPropertyName("compatible")] bool Compatible,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("differences")] IReadOnlyList<CompatibilityAnswerDifference> Differences);

/// <summary>One difference of <see cref="CompatibilityAnswer"/>; <c>againstVersion</c> is a 1-based index into <c>previous</c>.</summary>
internal sealed record CompatibilityAnswerDifference(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("compatible")] bool Compatible,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("againstVersion")] int AgainstVersion);
