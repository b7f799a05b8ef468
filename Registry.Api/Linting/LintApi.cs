using EventContracts.Api.Auth;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventContracts.Api.Compatibility;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;
using EventContracts.Linting;
using EventContracts.Schemas;
using Microsoft.Extensions.Options;

namespace EventContracts.Api.Linting;

/// <summary><c>POST /v1/lint</c>: the naming and lint rules on a schema, without registering it.</summary>
public static class LintApi
{
    public static IEndpointRouteBuilder MapLintApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/lint", Lint).ForReaders().WithTags("Native")
            .WithSummary("Lints a schema (and, when given, its event-type name) with the registry's rule configuration.")
            .Produces<LintResponse>().ProducesProblem(422);
        return app;
    }

    private static async Task<LintResponse> Lint(HttpRequest request, IOptions<RegistryOptions> options)
    {
        var body = await ConfluentHttp.ReadBodyAsync<LintRequest>(request);
        if (body.Schema is not { } schemaElement)
        {
            throw new RegistryException(ErrorCodes.InvalidSchema, "The request has no schema: send {\"schema\": {...}, \"eventType\": \"order.created\"}.");
        }

        var configuration = options.Value.Lint();
        IReadOnlyList<LintFinding> findings;
        var text = schemaElement.ValueKind == JsonValueKind.String ? schemaElement.GetString()! : schemaElement.GetRawText();
        try
        {
            findings = ContractLinter.Lint(ContractSchema.Parse(text, new SchemaParseOptions { Limits = options.Value.Limits }), body.EventType, configuration);
        }
        catch (SchemaException e) when (ContractLinter.Lint(e, body.EventType, configuration) is { Count: > 0 } refused)
        {
            findings = refused;
        }
        catch (SchemaException)
        {
            // Not JSON, not a schema, too large: the same 422 a stateless compatibility check gives.
            CompatibilityApi.Parse(schemaElement, "schema");
            throw;
        }

        return new LintResponse(
            findings.All(f => f.Severity != LintSeverity.Error),
            [.. findings.Select(f => new LintFindingResponse(f.RuleId, f.Severity.ToString().ToLowerInvariant(), f.Pointer, f.Message, f.Position?.Line, f.Position?.Column))]);
    }
}

/// <summary>Body of <c>POST /v1/lint</c>: the schema (object or string) and, optionally, the event type it would be registered as.</summary>
public sealed record LintRequest(
    [property: JsonPropertyName("schema")] JsonElement? Schema,
    [property: JsonPropertyName("eventType")] string? EventType);

/// <summary>Lint answer: <c>passed</c> is false when any finding is an error (registration would be refused).</summary>
public sealed record LintResponse(
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("findings")] IReadOnlyList<LintFindingResponse> Findings);

/// <summary>One finding, with line and column in the schema text as sent.</summary>
public sealed record LintFindingResponse(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("pointer")] string Pointer,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("column")] int? Column);
