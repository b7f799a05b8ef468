using EventContracts.Api.Auth;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;
using EventContracts.Api.Subjects;
using EventContracts.Compatibility;
using EventContracts.Schemas;

namespace EventContracts.Api.Compatibility;

/// <summary>Confluent's <c>/compatibility</c> endpoints and the native stateless <c>POST /v1/compatibility</c>.</summary>
public static class CompatibilityApi
{
    public static IEndpointRouteBuilder MapCompatibilityApi(this IEndpointRouteBuilder app)
    {
        var confluent = app.MapGroup("/compatibility/subjects/{subject}").WithTags("Compatibility").ForReaders();
        confluent.MapPost("/versions/{version}", CheckAgainstVersion).AcceptsConfluent<SchemaRequest>()
            .WithSummary("Is the schema compatible with one version (a number, latest or -1) under the subject's level?");
        confluent.MapPost("/versions", CheckAgainstLevel).AcceptsConfluent<SchemaRequest>()
            .WithSummary("Is the schema compatible with every version the subject's level covers?");

        app.MapPost("/v1/compatibility", CheckStateless).ForReaders().WithTags("Native")
            .WithSummary("Stateless check of a candidate against previous schemas, no subject needed.")
            .Produces<CompatibilityReport>().ProducesProblem(422);
        return app;
    }

    private static async Task<ConfluentResult<CompatibilityResponse>> CheckAgainstVersion(
        HttpRequest request, SchemaRegistry registry, SettingsStore settings, string subject, string version, string? verbose, string? normalize, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<SchemaRequest>(request);
        var name = Subject.Parse(subject);
        var target = await registry.GetVersionAsync(name, version, includeDeleted: false, cancellationToken);
        var config = await settings.ConfigAsync(name.Name, cancellationToken);
        var candidate = await registry.ParseAsync(body.ToSubmission(), cancellationToken);
        var previous = new VersionedSchema(target.Version, await registry.LoadParsedAsync(target.Id, cancellationToken));

        // One named version: the level's direction applies, its transitivity does not.
        var level = config.Level switch
        {
            CompatibilityLevel.BackwardTransitive => CompatibilityLevel.Backward,
            CompatibilityLevel.ForwardTransitive => CompatibilityLevel.Forward,
            CompatibilityLevel.FullTransitive => CompatibilityLevel.Full,
            var other => other,
        };
        return Answer(CompatibilityChecker.Check(candidate, [previous], level, config.Policy), ConfluentHttp.Flag(verbose, "verbose"));
    }

    private static async Task<ConfluentResult<CompatibilityResponse>> CheckAgainstLevel(
        HttpRequest request, SchemaRegistry registry, SettingsStore settings, string subject, string? verbose, string? normalize, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<SchemaRequest>(request);
        var name = Subject.Parse(subject);
        var config = await settings.ConfigAsync(name.Name, cancellationToken);
        var candidate = await registry.ParseAsync(body.ToSubmission(), cancellationToken);
        var previous = await registry.LiveVersionsAsync(name, cancellationToken);
        return Answer(CompatibilityChecker.Check(candidate, previous, config.Level, config.Policy), ConfluentHttp.Flag(verbose, "verbose"));
    }

    private static ConfluentResult<CompatibilityResponse> Answer(CompatibilityResult result, bool verbose) =>
        ConfluentHttp.Ok(new CompatibilityResponse(
            result.IsCompatible,
            verbose ? [.. result.Differences.Where(d => !d.IsCompatible).Select(d => $"{d.Type.ToWireName()} at {d.Path} (against version {d.AgainstVersion}): {d.Message}")] : null));

    private static async Task<CompatibilityReport> CheckStateless(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<NativeCompatibilityRequest>(request);
        if (body.SchemaType is { } type && !string.Equals(type, "JSON", StringComparison.OrdinalIgnoreCase))
        {
            throw new RegistryException(ErrorCodes.InvalidSchema, $"schemaType \"{type}\" is not supported: EventContracts compares JSON Schema only.");
        }

        var level = CompatibilityLevel.Backward;
        if (body.Level is not null && !CompatibilityLevels.TryParse(body.Level, out level))
        {
            throw new RegistryException(ErrorCodes.InvalidCompatibilityLevel, $"Unknown level \"{body.Level}\"; use one of {string.Join(", ", CompatibilityLevels.All.Select(l => l.ToWireName()))}.");
        }

        var policy = CompatibilityPolicy.Strict;
        if (body.Policy is not null && !CompatibilityLevels.TryParsePolicy(body.Policy, out policy))
        {
            throw new RegistryException(ErrorCodes.InvalidCompatibilityLevel, $"Unknown policy \"{body.Policy}\"; use STRICT or LENIENT.");
        }

        if (body.Candidate is not { } candidateElement)
        {
            throw new RegistryException(ErrorCodes.InvalidSchema, "The request has no candidate schema: send \"candidate\" as a JSON string or object.");
        }

        var candidate = Parse(candidateElement, "candidate");
        var previous = (body.Previous ?? []).Select((p, i) => Parse(p, $"previous[{i}]")).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var result = Check(() => CompatibilityChecker.Check(candidate, previous, level, policy));
        return new CompatibilityReport(
            result.IsCompatible,
            result.Level.ToWireName(),
            [.. result.Differences.Select(d => new CompatibilityReportDifference(d.Type.ToWireName(), d.Path, d.IsCompatible, d.Message, d.AgainstVersion))]);
    }

    /// <summary>Runs a comparison, turning a budget overrun into a 422 that says the schemas are too complex.</summary>
    internal static T Check<T>(Func<T> compare)
    {
        try
        {
            return compare();
        }
        catch (SchemaException e)
        {
            throw new RegistryException(ErrorCodes.InvalidSchema, e.Message);
        }
    }

    /// <summary>Schemas arrive as JSON strings (Confluent style) or as JSON objects.</summary>
    internal static ContractSchema Parse(JsonElement element, string what)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            _ => throw new RegistryException(ErrorCodes.InvalidSchema, $"{what} must be a schema, as a JSON object or a string holding one."),
        };
        try
        {
            return ContractSchema.Parse(text);
        }
        catch (SchemaException e)
        {
            throw new RegistryException(e.Kind == SchemaErrorKind.TooLarge ? ErrorCodes.SchemaTooLarge : ErrorCodes.InvalidSchema, $"{what}: {e.Message}");
        }
    }
}

/// <summary>Confluent's compatibility answer; messages only with verbose=true.</summary>
public sealed record CompatibilityResponse(
    [property: JsonPropertyName("is_compatible")] bool IsCompatible,
    [property: JsonPropertyName("messages")] IReadOnlyList<string>? Messages);

/// <summary>Body of <c>POST /v1/compatibility</c>; <c>previous</c> oldest first; schemas as strings or objects.</summary>
public sealed record NativeCompatibilityRequest(
    [property: JsonPropertyName("schemaType")] string? SchemaType,
    [property: JsonPropertyName("level")] string? Level,
    [property: JsonPropertyName("policy")] string? Policy,
    [property: JsonPropertyName("previous")] IReadOnlyList<JsonElement>? Previous,
    [property: JsonPropertyName("candidate")] JsonElement? Candidate);
