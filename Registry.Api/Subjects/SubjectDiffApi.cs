using EventContracts.Api.Auth;
using System.Text.Json.Serialization;
using EventContracts.Api.Core;
using EventContracts.Compatibility;

namespace EventContracts.Api.Subjects;

/// <summary><c>GET /v1/subjects/{s}/diff?from=&amp;to=</c>: typed differences between two versions with every level's verdict.</summary>
public static class SubjectDiffApi
{
    public static IEndpointRouteBuilder MapSubjectDiffApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/subjects/{subject}/diff", Diff).ForReaders().WithTags("Native")
            .WithSummary("Differences from one version to another (numbers or latest), with the verdict of each level.")
            .Produces<DiffResponse>().ProducesProblem(404).ProducesProblem(422);
        return app;
    }

    private static async Task<DiffResponse> Diff(SchemaRegistry registry, SettingsStore settings, string subject, string? from, string? to, CancellationToken cancellationToken)
    {
        var name = Subject.Parse(subject);
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            throw new RegistryException(ErrorCodes.InvalidVersion, "Give both versions: ?from=1&to=3 (numbers or latest).");
        }

        var older = await registry.GetVersionAsync(name, from, includeDeleted: true, cancellationToken);
        var newer = await registry.GetVersionAsync(name, to, includeDeleted: true, cancellationToken);
        var config = await settings.ConfigAsync(name.Name, cancellationToken);
        var report = SchemaDiffer.Diff(
            await registry.LoadParsedAsync(older.Id, cancellationToken),
            await registry.LoadParsedAsync(newer.Id, cancellationToken),
            config.Policy);
        return new DiffResponse(
            name.Name,
            older.Version,
            newer.Version,
            config.Policy.ToWireName(),
            report.Verdicts.ToDictionary(v => v.Key.ToWireName(), v => v.Value),
            [.. report.Differences.Select(d => new DiffEntryResponse(
                d.Type.ToWireName(),
                d.Path,
                d.Direction == CompatibilityDirection.Backward ? "backward" : "forward",
                d.IsCompatible,
                d.Message,
                d.CompatibleUnder.ToDictionary(l => l.Key.ToWireName(), l => l.Value)))]);
    }
}

/// <summary>The differences between two versions and, per level, whether <c>to</c> may follow <c>from</c>.</summary>
public sealed record DiffResponse(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("to")] int To,
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("verdicts")] IReadOnlyDictionary<string, bool> Verdicts,
    [property: JsonPropertyName("differences")] IReadOnlyList<DiffEntryResponse> Differences);

/// <summary>One difference with the levels it breaks (false) or not (true).</summary>
public sealed record DiffEntryResponse(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("compatible")] bool Compatible,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("levels")] IReadOnlyDictionary<string, bool> Levels);
