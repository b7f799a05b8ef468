using EventContracts.Api.Auth;
using EventContracts.Api.Confluent;
using EventContracts.Api.Core;

namespace EventContracts.Api.Subjects;

/// <summary>Confluent's <c>/subjects</c> endpoints.</summary>
public static class SubjectsApi
{
    public static IEndpointRouteBuilder MapSubjectsApi(this IEndpointRouteBuilder app)
    {
        var subjects = app.MapGroup("/subjects").WithTags("Subjects");
        subjects.MapGet("/", ListSubjects).ForReaders().WithSummary("Subjects with at least one live version.");
        subjects.MapPost("/{subject}", Lookup).ForReaders().AcceptsConfluent<SchemaRequest>().WithSummary("The version of the subject holding this schema.");
        subjects.MapDelete("/{subject}", DeleteSubject).ForSubjectWriters().WithSummary("Soft-deletes every version, or removes them after a soft delete (permanent=true).");
        subjects.MapGet("/{subject}/versions", ListVersions).ForReaders().WithSummary("The subject's version numbers.");
        subjects.MapPost("/{subject}/versions", Register).ForSubjectWriters().AcceptsConfluent<SchemaRequest>().WithSummary("Registers a schema: limits, parse, naming and lint, compatibility, store.");
        subjects.MapGet("/{subject}/versions/{version}", GetVersion).ForReaders().WithSummary("One version: a number, latest or -1.");
        subjects.MapGet("/{subject}/versions/{version}/schema", GetVersionSchema).ForReaders().WithSummary("The schema text of one version.");
        subjects.MapDelete("/{subject}/versions/{version}", DeleteVersion).ForSubjectWriters().WithSummary("Soft-deletes a version, or removes it after a soft delete (permanent=true).");
        subjects.MapGet("/{subject}/versions/{version}/referencedby", ReferencedBy).ForReaders().WithSummary("Ids of schemas that reference this version.");
        return app;
    }

    private static async Task<ConfluentResult<IReadOnlyList<string>>> ListSubjects(SchemaRegistry registry, string? deleted, string? subjectPrefix, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(await registry.SubjectsAsync(ConfluentHttp.Flag(deleted, "deleted"), subjectPrefix, cancellationToken));

    private static async Task<ConfluentResult<SubjectVersionResponse>> Lookup(HttpRequest request, SchemaRegistry registry, string subject, string? normalize, string? deleted, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<SchemaRequest>(request);
        var found = await registry.LookupAsync(Subject.Parse(subject), body.ToSubmission(), ConfluentHttp.OptionalFlag(normalize, "normalize"), ConfluentHttp.Flag(deleted, "deleted"), cancellationToken);
        return ConfluentHttp.Ok(SubjectVersionResponse.From(found));
    }

    private static async Task<ConfluentResult<IReadOnlyList<int>>> DeleteSubject(SchemaRegistry registry, string subject, string? permanent, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(await registry.DeleteSubjectAsync(Subject.Parse(subject), ConfluentHttp.Flag(permanent, "permanent"), cancellationToken));

    private static async Task<ConfluentResult<IReadOnlyList<int>>> ListVersions(SchemaRegistry registry, string subject, string? deleted, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(await registry.VersionsAsync(Subject.Parse(subject), ConfluentHttp.Flag(deleted, "deleted"), cancellationToken));

    private static async Task<ConfluentResult<RegisterResponse>> Register(HttpRequest request, SchemaRegistry registry, string subject, string? normalize, CancellationToken cancellationToken)
    {
        var body = await ConfluentHttp.ReadBodyAsync<SchemaRequest>(request);
        var registration = await registry.RegisterAsync(Subject.Parse(subject), body.ToSubmission(), ConfluentHttp.OptionalFlag(normalize, "normalize"), cancellationToken);
        return ConfluentHttp.Ok(new RegisterResponse(registration.Id));
    }

    private static async Task<ConfluentResult<SubjectVersionResponse>> GetVersion(SchemaRegistry registry, string subject, string version, string? deleted, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(SubjectVersionResponse.From(await registry.GetVersionAsync(Subject.Parse(subject), version, ConfluentHttp.Flag(deleted, "deleted"), cancellationToken)));

    private static async Task<IResult> GetVersionSchema(SchemaRegistry registry, string subject, string version, string? deleted, CancellationToken cancellationToken)
    {
        var found = await registry.GetVersionAsync(Subject.Parse(subject), version, ConfluentHttp.Flag(deleted, "deleted"), cancellationToken);
        return Results.Text(found.Schema, ConfluentHttp.ContentType);
    }

    private static async Task<ConfluentResult<int>> DeleteVersion(SchemaRegistry registry, string subject, string version, string? permanent, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(await registry.DeleteVersionAsync(Subject.Parse(subject), version, ConfluentHttp.Flag(permanent, "permanent"), cancellationToken));

    private static async Task<ConfluentResult<IReadOnlyList<int>>> ReferencedBy(SchemaRegistry registry, string subject, string version, CancellationToken cancellationToken) =>
        ConfluentHttp.Ok(await registry.ReferencedByAsync(Subject.Parse(subject), version, cancellationToken));
}
