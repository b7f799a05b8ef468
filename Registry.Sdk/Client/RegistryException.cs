namespace EventContracts.Client;

/// <summary>
/// The registry answered with an error: <see cref="Exception.Message"/> is what it said, <see cref="ErrorCode"/> its
/// Confluent error code (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema…).
/// </summary>
public class RegistryException : Exception
{
    /// <summary>An error the registry answered with.</summary>
    public RegistryException(int status, int? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>An error without a status.</summary>
    public RegistryException()
    {
    }

    /// <summary>An error without a status.</summary>
    public RegistryException(string message)
        : base(message)
    {
    }

    /// <summary>An error without a status.</summary>
    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status (404, 409, 422…); 0 when there was no answer.</summary>
    public int Status { get; }

    /// <summary>Confluent's <c>error_code</c>, or the problem's <c>errorCode</c>, when the answer had one.</summary>
    public int? ErrorCode { get; }
}

/// <summary>
/// The registry could not be reached (connection refused, DNS, timeouts) or kept failing with 408, 429 or 5xx
/// after the bounded retries. Schemas already cached keep working; this is thrown only for what is not.
/// </summary>
public sealed class RegistryUnavailableException : RegistryException
{
    /// <summary>The registry at <paramref name="registry"/> could not answer: <paramref name="reason"/>.</summary>
    public RegistryUnavailableException(Uri registry, string reason, Exception? innerException = null)
        : base(0, null, $"registry unavailable at {registry?.GetLeftPart(UriPartial.Path).TrimEnd('/')}: {reason}", innerException)
    {
        Registry = registry;
        Reason = reason;
    }

    /// <summary>The registry's base URL.</summary>
    public Uri? Registry { get; }

    /// <summary>Why it could not answer, e.g. <c>cannot connect (Connection refused 127.0.0.1:1) (tried 3 times)</c>.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>The registry could not be reached.</summary>
    public RegistryUnavailableException()
    {
    }

    /// <summary>The registry could not be reached.</summary>
    public RegistryUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>The registry could not be reached.</summary>
    public RegistryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
