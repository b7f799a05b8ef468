using EventContracts.Api.Auth;
using System.Text.Json.Serialization;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;
using EventContracts.Api.Storage;
using EventContracts.Compatibility;

namespace EventContracts.Api.Config;

/// <summary>
/// Confluent's <c>/config</c>: GET answers <c>compatibilityLevel</c>, PUT takes <c>compatibility</c> (Confluent's
/// asymmetry, kept on purpose so its clients work), plus <c>compatibilityPolicy</c> and <c>normalize</c>.
/// </summary>
public static class ConfigApi
{
    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        var config = app.MapGroup("/config").WithTags("Config");
        config.MapGet("/", (SettingsStore settings, CancellationToken ct) => Get(settings, null, "true", ct)).ForReaders().WithSummary("The global configuration.");
        config.MapPut("/", (HttpRequest request, SettingsStore settings, CancellationToken ct) => Put(request, settings, null, ct)).AcceptsConfluent<ConfigRequest>().ForAdmins().WithSummary("Sets the global configuration.");
        config.MapDelete("/", (SettingsStore settings, CancellationToken ct) => Delete(settings, null, ct)).ForAdmins().WithSummary("Resets the global configuration to the defaults.");
        config.MapGet("/{subject}", (SettingsStore settings, string subject, string? defaultToGlobal, CancellationToken ct) => Get(settings, Subject.Parse(subject).Name, defaultToGlobal, ct)).ForReaders().WithSummary("A subject's configuration (40408 when it has none, unless defaultToGlobal=true).");
        config.MapPut("/{subject}", (HttpRequest request, SettingsStore settings, string subject, CancellationToken ct) => Put(request, settings, Subject.Parse(subject).Name, ct)).AcceptsConfluent<ConfigRequest>().ForSubjectWriters().WithSummary("Sets a subject's configuration.");
        config.MapDelete("/{subject}", (SettingsStore settings, string subject, CancellationToken ct) => Delete(settings, Subject.Parse(subject).Name, ct)).ForSubjectWriters().WithSummary("Removes a subject's configuration; the global one applies again.");
        return app;
    }

    private static async Task<ConfluentResult<ConfigResponse>> Get(SettingsStore settings, string? subject, string? defaultToGlobal, CancellationToken cancellationToken)
    {
        if (subject is not null && !ConfluentHttp.Flag(defaultToGlobal, "defaultToGlobal"))
        {
            var own = await settings.FindAsync(subject, cancellationToken);
            if (own?.Compatibility is null && own?.Policy is null && own?.Normalize is null)
            {
                throw new RegistryException(ErrorCodes.SubjectConfigNotFound, $"Subject \"{subject}\" has no configuration of its own; add defaultToGlobal=true to see the one in force.");
            }
        }

        var effective = await settings.ConfigAsync(subject, cancellationToken);
        return ConfluentHttp.Ok(new ConfigResponse(effective.Level.ToWireName(), effective.Policy.ToWireName(), effective.Normalize));
    }

    private static async Task<ConfluentResult<ConfigRequest>> Put(HttpRequest request, SettingsStore settings, string? subject, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<ConfigRequest>(request);
        CompatibilityLevel? level = null;
        if (body.Compatibility is not null)
        {
            level = CompatibilityLevels.TryParse(body.Compatibility, out var parsed)
                ? parsed
                : throw new RegistryException(ErrorCodes.InvalidCompatibilityLevel, $"Invalid compatibility level \"{body.Compatibility}\"; use one of {string.Join(", ", CompatibilityLevels.All.Select(l => l.ToWireName()))}.");
        }

        CompatibilityPolicy? policy = null;
        if (body.CompatibilityPolicy is not null)
        {
            policy = CompatibilityLevels.TryParsePolicy(body.CompatibilityPolicy, out var parsed)
                ? parsed
                : throw new RegistryException(ErrorCodes.InvalidCompatibilityLevel, $"Invalid compatibility policy \"{body.CompatibilityPolicy}\"; use STRICT or LENIENT.");
        }

        if (level is null && policy is null && body.Normalize is null)
        {
            throw new RegistryException(ErrorCodes.InvalidCompatibilityLevel, "Send {\"compatibility\": \"BACKWARD\"} (or compatibilityPolicy / normalize) to change the configuration.");
        }

        await settings.UpdateAsync(subject ?? SettingsStore.GlobalScope, row =>
        {
            row.Compatibility = level?.ToWireName() ?? row.Compatibility;
            row.Policy = policy?.ToWireName() ?? row.Policy;
            row.Normalize = body.Normalize ?? row.Normalize;
        }, cancellationToken);
        return ConfluentHttp.Ok(new ConfigRequest(level?.ToWireName(), policy?.ToWireName(), body.Normalize));
    }

    private static async Task<ConfluentResult<ConfigResponse>> Delete(SettingsStore settings, string? subject, CancellationToken cancellationToken)
    {
        var before = await settings.ConfigAsync(subject, cancellationToken);
        var own = await settings.FindAsync(subject ?? SettingsStore.GlobalScope, cancellationToken);
        if (subject is not null && own?.Compatibility is null && own?.Policy is null && own?.Normalize is null)
        {
            throw new RegistryException(ErrorCodes.SubjectConfigNotFound, $"Subject \"{subject}\" has no configuration of its own.");
        }

        await settings.UpdateAsync(subject ?? SettingsStore.GlobalScope, Clear, cancellationToken);
        return ConfluentHttp.Ok(new ConfigResponse(before.Level.ToWireName(), before.Policy.ToWireName(), before.Normalize));

        static void Clear(SettingRecord row)
        {
            row.Compatibility = null;
            row.Policy = null;
            row.Normalize = null;
        }
    }
}

/// <summary>PUT body (and answer): Confluent's <c>compatibility</c>, plus <c>compatibilityPolicy</c> and <c>normalize</c>.</summary>
public sealed record ConfigRequest(
    [property: JsonPropertyName("compatibility")] string? Compatibility,
    [property: JsonPropertyName("compatibilityPolicy")] string? CompatibilityPolicy = null,
    [property: JsonPropertyName("normalize")] bool? Normalize = null);

/// <summary>GET answer: Confluent's <c>compatibilityLevel</c>.</summary>
public sealed record ConfigResponse(
    [property: JsonPropertyName("compatibilityLevel")] string CompatibilityLevel,
    [property: JsonPropertyName("compatibilityPolicy")] string CompatibilityPolicy,
    [property: JsonPropertyName("normalize")] bool Normalize);
