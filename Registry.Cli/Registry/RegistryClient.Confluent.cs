using System.Globalization;

namespace EventContracts.Cli.Registry;

/// <summary>The Confluent-compatible surface and <c>POST /v1/compatibility</c>: what register, check and pull need.</summary>
internal sealed partial class RegistryClient
{
    private const int SubjectNotFound = 40401;
    private const int VersionNotFound = 40402;
    private const int SchemaNotFound = 40403;

    /// <summary>
    /// The subject holding an event type's schemas, with its versions (soft-deleted ones included: their numbers are
    /// taken): the event type itself, or its Kafka TopicNameStrategy form <c>-value</c> when only that exists, as the
    /// deploy gate resolves it (docs/deploy-gate.md). A new event type resolves to itself with no versions.
    /// </summary>
    public async Task<(string Subject, IReadOnlyList<int> Versions)> ResolveSubjectAsync(string eventType, CancellationToken cancellationToken)
    {
        if (await VersionsAsync(eventType, includeDeleted: true, cancellationToken) is { } versions)
        {
            return (eventType, versions);
        }

        if (!eventType.EndsWith("-value", StringComparison.Ordinal) && !eventType.EndsWith("-key", StringComparison.Ordinal))
        {
            var topicForm = eventType + "-value";
            if (await VersionsAsync(topicForm, includeDeleted: true, cancellationToken) is { } topicVersions)
            {
                return (topicForm, topicVersions);
            }
        }

        return (eventType, []);
    }

    /// <summary><c>GET /subjects/{s}/versions</c>, or null when the subject does not exist.</summary>
    public async Task<IReadOnlyList<int>?> VersionsAsync(string subject, bool includeDeleted, CancellationToken cancellationToken)
    {
        try
        {
            var path = $"subjects/{Segment(subject)}/versions{(includeDeleted ? "?deleted=true" : string.Empty)}";
            return (await GetAsync<int[]>(path, cancellationToken)).Value;
        }
        catch (RegistryRequestException e) when (e.Status == 404 && e.ErrorCode is SubjectNotFound)
        {
            return null;
        }
    }

    /// <summary><c>GET /subjects/{s}/versions/{v}</c>, or null when the subject or version does not exist.</summary>
    public async Task<SubjectVersion?> VersionAsync(string subject, int version, bool includeDeleted, CancellationToken cancellationToken)
    {
        try
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"subjects/{Segment(subject)}/versions/{version}{(includeDeleted ? "?deleted=true" : string.Empty)}");
            return (await GetAsync<SubjectVersion>(path, cancellationToken)).Value;
        }
        catch (RegistryRequestException e) when (e.Status == 404 && e.ErrorCode is SubjectNotFound or VersionNotFound)
        {
            return null;
        }
    }

    /// <summary><c>POST /subjects/{s}</c>: the live version holding this schema, or null when none does.</summary>
    public async Task<SubjectVersion?> LookupAsync(string subject, string schema, CancellationToken cancellationToken)
    {
        try
        {
            return (await PostAsync<SubjectVersion>($"subjects/{Segment(subject)}", new { schema, schemaType = "JSON" }, cancellationToken)).Value;
        }
        catch (RegistryRequestException e) when (e.Status == 404 && e.ErrorCode is SubjectNotFound or SchemaNotFound)
        {
            return null;
        }
    }

    /// <summary><c>POST /subjects/{s}/versions</c>: registers a schema, returning its id; a refusal (409, 422) throws.</summary>
    public async Task<int> RegisterAsync(string subject, string schema, CancellationToken cancellationToken) =>
        (await PostAsync<RegisteredSchema>($"subjects/{Segment(subject)}/versions", new { schema, schemaType = "JSON" }, cancellationToken)).Value.Id;

    /// <summary><c>GET /config/{s}?defaultToGlobal=true</c>: the level and policy the subject's registrations are checked under.</summary>
    public async Task<SubjectConfig> ConfigAsync(string subject, CancellationToken cancellationToken) =>
        (await GetAsync<SubjectConfig>($"config/{Segment(subject)}?defaultToGlobal=true", cancellationToken)).Value;

    /// <summary><c>POST /v1/compatibility</c>: may <paramref name="candidate"/> follow <paramref name="previous"/> (oldest first)?</summary>
    public async Task<CompatibilityAnswer> CompatibilityAsync(string level, string? policy, IReadOnlyList<string> previous, string candidate, CancellationToken cancellationToken) =>
        (await PostAsync<CompatibilityAnswer>("v1/compatibility", new { schemaType = "JSON", level, policy, previous, candidate }, cancellationToken)).Value;
}
