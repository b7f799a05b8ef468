namespace EventContracts.Api.Core;

/// <summary>
/// A request the registry refuses, with Confluent's error code. The Confluent surface writes it as
/// <c>{"error_code", "message"}</c>, the native surface as RFC 9457 problem details.
/// </summary>
public sealed class RegistryException : Exception
{
    public RegistryException(int errorCode, string message, IReadOnlyList<object>? details = null)
        : base(message)
    {
        ErrorCode = errorCode;
        Details = details ?? [];
    }

    public RegistryException()
        : this(ErrorCodes.StoreError, "The registry failed.")
    {
    }

    public RegistryException(string message)
        : this(ErrorCodes.StoreError, message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = ErrorCodes.StoreError;
        Details = [];
    }

    /// <summary>Confluent's code, e.g. 40401; its first three digits are the HTTP status.</summary>
    public int ErrorCode { get; }

    /// <summary>Structured details (lint findings, differences) for the native surface.</summary>
    public IReadOnlyList<object> Details { get; }

    public int HttpStatus => ErrorCode >= 10_000 ? ErrorCode / 100 : ErrorCode;
}

/// <summary>Confluent Schema Registry's error codes (DESIGN §7.1).</summary>
public static class ErrorCodes
{
    public const int BadRequest = 400;

    /// <summary>No API key, or one that is unknown, revoked or has the wrong secret.</summary>
    public const int Unauthorized = 40101;

    /// <summary>The API key's role or subject scopes do not allow the request.</summary>
    public const int Forbidden = 40301;
    public const int SubjectNotFound = 40401;
    public const int VersionNotFound = 40402;
    public const int SchemaNotFound = 40403;
    public const int SubjectSoftDeleted = 40404;
    public const int SubjectNotSoftDeleted = 40405;
    public const int VersionSoftDeleted = 40406;
    public const int VersionNotSoftDeleted = 40407;
    public const int SubjectConfigNotFound = 40408;
    public const int SubjectModeNotFound = 40409;
    public const int Incompatible = 409;
    public const int InvalidSchema = 42201;
    public const int InvalidVersion = 42202;
    public const int InvalidCompatibilityLevel = 42203;
    public const int InvalidMode = 42204;
    public const int OperationNotPermitted = 42205;
    public const int ReferenceExists = 42206;
    public const int InvalidSubject = 42208;
    public const int SchemaTooLarge = 42209;

    /// <summary>The request body is over <c>Registry:MaxRequestBodyBytes</c>; plain HTTP 413, as Confluent's server answers HTTP-level errors.</summary>
    public const int RequestTooLarge = 413;
    public const int StoreError = 50001;

    // The native surface's own codes (/v1 only; Confluent's codes above stay as Confluent defines them).

    /// <summary>A /v1 resource (service, release, environment, deployment) that does not exist.</summary>
    public const int NotFound = 404;

    /// <summary>A /v1 write that contradicts what is recorded, e.g. a release version recorded with other contracts.</summary>
    public const int Conflict = 40901;
}
