using System.Text.Json.Serialization;

namespace EventContracts.Deployments;

/// <summary>The answer to "can this service version be deployed to this environment?" (DESIGN §9).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateVerdict>))]
public enum GateVerdict
{
    /// <summary>Every (reader, writer) pair reads; nothing is unresolved.</summary>
    [JsonStringEnumMemberName("safe")]
    Safe,

    /// <summary>At least one pair cannot read, or a consumer would lose its only producer.</summary>
    [JsonStringEnumMemberName("unsafe")]
    Unsafe,

    /// <summary>Nothing is unsafe, but something could not be resolved (a release, subject or schema version).</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>What a finding (something that is not a single reader/writer pair) is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingKind>))]
public enum FindingKind
{
    /// <summary>The release stops producing a type that consumers in the environment still read, and nobody else writes it.</summary>
    [JsonStringEnumMemberName("orphanedConsumer")]
    OrphanedConsumer,

    /// <summary>The release consumes a type no service in the environment produces.</summary>
    [JsonStringEnumMemberName("missingProducer")]
    MissingProducer,

    /// <summary>A release, subject or schema version the gate needs cannot be found.</summary>
    [JsonStringEnumMemberName("unresolved")]
    Unresolved,

    /// <summary>A finding about a service the caller asked to ignore; it does not decide the verdict.</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored,
}

/// <summary>How much a finding weighs in the verdict.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingVerdict>))]
public enum FindingVerdict
{
    /// <summary>Reported, does not change the verdict.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Makes the verdict unsafe.</summary>
    [JsonStringEnumMemberName("unsafe")]
    Unsafe,

    /// <summary>Makes the verdict unknown unless something is unsafe.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary><c>GET /v1/can-i-deploy</c>: the verdict, its counts and warnings, the findings and every pair checked.</summary>
public sealed record CanIDeployReport(
    [property: JsonPropertyName("verdict")] GateVerdict Verdict,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("requireProducers")] bool RequireProducers,
    [property: JsonPropertyName("ignored")] IReadOnlyList<string> Ignored,
    [property: JsonPropertyName("counts")] GateCounts Counts,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings,
    [property: JsonPropertyName("findings")] IReadOnlyList<GateFinding> Findings,
    [property: JsonPropertyName("pairs")] IReadOnlyList<GatePair> Pairs);

/// <summary>How many pairs were checked and how they came out; ignored pairs are counted apart.</summary>
public sealed record GateCounts(
    [property: JsonPropertyName("pairs")] int Pairs,
    [property: JsonPropertyName("safe")] int Safe,
    [property: JsonPropertyName("unsafe")] int Unsafe,
    [property: JsonPropertyName("unknown")] int Unknown,
    [property: JsonPropertyName("ignored")] int Ignored);

/// <summary>Something the gate found that is not one reader/writer pair, with a plain-words message.</summary>
/// <remarks>Service: The service the finding is about (the consumer left without producer, the release…).</remarks>
public sealed record GateFinding(
    [property: JsonPropertyName("kind")] FindingKind Kind,
    [property: JsonPropertyName("verdict")] FindingVerdict Verdict,
    [property: JsonPropertyName("eventType")] string? EventType,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// One real (reader, writer) pair: the consumer's reader schema version reading what the producer's writer schema
/// version writes, with its verdict and every difference the engine found.
/// </summary>
/// <remarks>WriterVersion: The producer's schema version of the subject. ReaderVersion: The consumer's schema version of the subject. Reason: One plain sentence for an unsafe or unknown pair; null for a safe one.</remarks>
public sealed record GatePair(
    [property: JsonPropertyName("producer")] string Producer,
    [property: JsonPropertyName("producerVersion")] string ProducerVersion,
    [property: JsonPropertyName("consumer")] string Consumer,
    [property: JsonPropertyName("consumerVersion")] string ConsumerVersion,
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("writerVersion")] int WriterVersion,
    [property: JsonPropertyName("readerVersion")] int ReaderVersion,
    [property: JsonPropertyName("verdict")] GateVerdict Verdict,
    [property: JsonPropertyName("ignored")] bool Ignored,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("differences")] IReadOnlyList<GateDifference> Differences);

/// <summary>A difference between the writer and reader schemas, as the engine names it (COMPAT-TYPES.md).</summary>
public sealed record GateDifference(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("compatible")] bool Compatible,
    [property: JsonPropertyName("message")] string Message);
