using System.Text.Json.Serialization;

namespace EventContracts.Compatibility;

/// <summary>
/// The wire form of a compatibility check, as the registry's stateless <c>POST /v1/compatibility</c> answers it: one
/// record for the registry that writes it and the clients (the SDK's, evc) that read it.
/// </summary>
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
