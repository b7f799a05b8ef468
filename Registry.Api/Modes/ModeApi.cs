using EventContracts.Api.Auth;
using System.Text.Json.Serialization;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;

namespace EventContracts.Api.Modes;

/// <summary>Confluent's <c>/mode</c>: READWRITE, READONLY (writes refused with 42205), IMPORT (explicit ids and versions).</summary>
public static class ModeApi
{
    public static IEndpointRouteBuilder MapModeApi(this IEndpointRouteBuilder app)
    {
        var mode = app.MapGroup("/mode").WithTags("Mode");
        mode.MapGet("/", async (SettingsStore settings, CancellationToken ct) => ConfluentHttp.Ok(new ModeBody((await settings.ModeAsync(null, ct)).ToWireName()))).ForReaders().WithSummary("The global mode.");
        mode.MapPut("/", (HttpRequest request, SettingsStore settings, CancellationToken ct) => Put(request, settings, SettingsStore.GlobalScope, ct)).AcceptsConfluent<ModeBody>().ForAdmins().WithSummary("Sets the global mode.");
        mode.MapDelete("/", (SettingsStore settings, CancellationToken ct) => Delete(settings, SettingsStore.GlobalScope, ct)).ForAdmins().WithSummary("Resets the global mode to READWRITE.");
        mode.MapGet("/{subject}", Get).ForReaders().WithSummary("A subject's mode (40409 when it has none, unless defaultToGlobal=true).");
        mode.MapPut("/{subject}", (HttpRequest request, SettingsStore settings, string subject, CancellationToken ct) => Put(request, settings, Subject.Parse(subject).Name, ct)).AcceptsConfluent<ModeBody>().ForSubjectWriters().WithSummary("Sets a subject's mode.");
        mode.MapDelete("/{subject}", (SettingsStore settings, string subject, CancellationToken ct) => Delete(settings, Subject.Parse(subject).Name, ct)).ForSubjectWriters().WithSummary("Removes a subject's mode; the global one applies again.");
        return app;
    }

    private static async Task<ConfluentResult<ModeBody>> Get(SettingsStore settings, string subject, string? defaultToGlobal, CancellationToken cancellationToken)
    {
        var name = Subject.Parse(subject).Name;
        if (!ConfluentHttp.Flag(defaultToGlobal, "defaultToGlobal") && (await settings.FindAsync(name, cancellationToken))?.Mode is null)
        {
            throw new RegistryException(ErrorCodes.SubjectModeNotFound, $"Subject \"{name}\" has no mode of its own; add defaultToGlobal=true to see the one in force.");
        }

        return ConfluentHttp.Ok(new ModeBody((await settings.ModeAsync(name, cancellationToken)).ToWireName()));
    }

    private static async Task<ConfluentResult<ModeBody>> Put(HttpRequest request, SettingsStore settings, string scope, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<ModeBody>(request);
        if (!RegistryModes.TryParse(body.Mode, out var mode))
        {
            throw new RegistryException(ErrorCodes.InvalidMode, $"Invalid mode \"{body.Mode}\"; use READWRITE, READONLY or IMPORT.");
        }

        await settings.UpdateAsync(scope, row => row.Mode = mode.ToWireName(), cancellationToken);
        return ConfluentHttp.Ok(new ModeBody(mode.ToWireName()));
    }

    private static async Task<ConfluentResult<ModeBody>> Delete(SettingsStore settings, string scope, CancellationToken cancellationToken)
    {
        var own = await settings.FindAsync(scope, cancellationToken);
        if (scope != SettingsStore.GlobalScope && own?.Mode is null)
        {
            throw new RegistryException(ErrorCodes.SubjectModeNotFound, $"Subject \"{scope}\" has no mode of its own.");
        }

        var before = own?.Mode ?? RegistryMode.ReadWrite.ToWireName();
        await settings.UpdateAsync(scope, row => row.Mode = null, cancellationToken);
        return ConfluentHttp.Ok(new ModeBody(before));
    }
}

/// <summary>A mode, as Confluent sends and answers it.</summary>
public sealed record ModeBody([property: JsonPropertyName("mode")] string? Mode);
