using EventContracts.Client;
using EventContracts.Compatibility;

namespace EventContracts.Cli.Registry;

/// <summary>The Confluent-compatible surface and <c>POST /v1/compatibility</c>: what register, check and pull need, through the SDK's typed calls.</summary>
internal sealed partial class RegistryClient
{
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
    public Task<IReadOnlyList<int>?> VersionsAsync(string subject, bool includeDeleted, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetVersionsAsync(subject, includeDeleted, cancellationToken));

    /// <summary><c>GET /subjects/{s}/versions/{v}</c>, or null when the subject or version does not exist.</summary>
    public Task<SubjectVersion?> VersionAsync(string subject, int version, bool includeDeleted, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetVersionAsync(subject, version, includeDeleted, cancellationToken));

    /// <summary><c>POST /subjects/{s}</c>: the live version holding this schema, or null when none does.</summary>
    public Task<SubjectSchema?> LookupAsync(string subject, string schema, CancellationToken cancellationToken) =>
        CallAsync(() => _client.LookupAsync(subject, schema));

    /// <summary><c>POST /subjects/{s}/versions</c>: registers a schema, returning its id; a refusal (409, 422) throws.</summary>
    public Task<int> RegisterAsync(string subject, string schema, CancellationToken cancellationToken) =>
        CallAsync(() => _client.RegisterAsync(subject, schema));

    /// <summary><c>GET /config/{s}?defaultToGlobal=true</c>: the level and policy the subject's registrations are checked under.</summary>
    public Task<SubjectConfig> ConfigAsync(string subject, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetConfigAsync(subject, cancellationToken));

    /// <summary><c>POST /v1/compatibility</c>: may <paramref name="candidate"/> follow <paramref name="previous"/> (oldest first)?</summary>
    public Task<CompatibilityReport> CompatibilityAsync(string level, string? policy, IReadOnlyList<string> previous, string candidate, CancellationToken cancellationToken)
    {
        if (!CompatibilityLevels.TryParse(level, out var parsedLevel) || !CompatibilityLevels.TryParsePolicy(policy ?? "STRICT", out var parsedPolicy))
        {
            throw new RegistryRequestException(200, null, $"the registry at {Display} answered the unknown compatibility level '{level}' / policy '{policy}'.");
        }

        return CallAsync(() => _client.CheckCompatibilityAsync(candidate, previous, parsedLevel, parsedPolicy, cancellationToken));
    }
}
