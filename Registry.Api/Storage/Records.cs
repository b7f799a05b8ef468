namespace EventContracts.Api.Storage;

/// <summary>A distinct schema: one row per canonical text plus references, shared by every subject that registers it.</summary>
public sealed class SchemaRecord
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the stored text and its references: the identity used for idempotent registration.</summary>
    public required string Fingerprint { get; set; }

    public string SchemaType { get; set; } = "JSON";

    /// <summary>The canonical (or, when registered with normalize, normalized) schema text.</summary>
    public required string Text { get; set; }

    /// <summary>The references as a JSON array of <c>{name, subject, version}</c>, in the order given.</summary>
    public string ReferencesJson { get; set; } = "[]";
}

/// <summary>A subject and the highest version it ever had, so versions are never reused, even after deletion.</summary>
public sealed class SubjectRecord
{
    public required string Name { get; set; }

    public int LastVersion { get; set; }
}

/// <summary>One version of a subject.</summary>
public sealed class SubjectVersionRecord
{
    public long Id { get; set; }

    public required string Subject { get; set; }

    public int Version { get; set; }

    public int SchemaId { get; set; }

    /// <summary>Soft-deleted: hidden from reads and compatibility checks, still resolvable by id.</summary>
    public bool Deleted { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>A schema's reference to a registered subject version, kept as rows so "referenced by" is a query.</summary>
public sealed class SchemaReferenceRecord
{
    public long Id { get; set; }

    /// <summary>The schema that holds the reference.</summary>
    public int SchemaId { get; set; }

    public required string Name { get; set; }

    public required string Subject { get; set; }

    public int Version { get; set; }
}

/// <summary>Configuration and mode, globally (empty scope) or for one subject. Null columns are not set at that scope.</summary>
public sealed class SettingRecord
{
    public required string Scope { get; set; }

    public string? Compatibility { get; set; }

    public string? Policy { get; set; }

    public bool? Normalize { get; set; }

    public string? Mode { get; set; }
}

/// <summary>A service that produces and/or consumes event types (deploy gate). Created by its first release.</summary>
public sealed class ServiceRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A version of a service with its declared contracts (<see cref="ReleaseContractRecord"/>). Immutable once recorded.</summary>
public sealed class ReleaseRecord
{
    public long Id { get; set; }

    public long ServiceId { get; set; }

    public required string Version { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One contract a release declares: it produces or consumes an event type at a schema version.</summary>
public sealed class ReleaseContractRecord
{
    public long Id { get; set; }

    public long ReleaseId { get; set; }

    /// <summary><see cref="ContractRoles.Produces"/> or <see cref="ContractRoles.Consumes"/>.</summary>
    public required string Role { get; set; }

    public required string EventType { get; set; }

    public int SchemaVersion { get; set; }
}

/// <summary>The two roles a contract plays in a release, as stored.</summary>
public static class ContractRoles
{
    public const string Produces = "produces";
    public const string Consumes = "consumes";
}

/// <summary>An environment (<c>dev</c>, <c>production</c>…) that holds deployed releases.</summary>
public sealed class EnvironmentRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A release running (or, once ended, having run) in an environment. At most one row per (environment, service) has
/// no <see cref="EndedAt"/>: the database enforces it with a filtered unique index; ended rows are the history.
/// </summary>
public sealed class DeploymentRecord
{
    public long Id { get; set; }

    public long EnvironmentId { get; set; }

    public long ServiceId { get; set; }

    public long ReleaseId { get; set; }

    public DateTimeOffset DeployedAt { get; set; }

    /// <summary>Null while the deployment is current.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary><c>replaced</c> or <c>undeployed</c> once ended.</summary>
    public string? EndedBy { get; set; }

    /// <summary>The service version this deployment replaced in the environment, if any.</summary>
    public string? Replaced { get; set; }
}

/// <summary>
/// An API key: its public id, role and scopes, and a salted SHA-256 of its secret; the secret itself is never stored
/// (docs/security.md). Revoked keys stay as rows, so "some key exists" (auth enforced) never turns back to false.
/// </summary>
public sealed class ApiKeyRecord
{
    public required string Id { get; set; }

    /// <summary><c>reader</c>, <c>writer</c> or <c>admin</c>.</summary>
    public required string Role { get; set; }

    /// <summary>The subject prefixes a writer is limited to, one per line; empty for every subject.</summary>
    public string Scopes { get; set; } = string.Empty;

    public string? Description { get; set; }

    public required byte[] Salt { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
