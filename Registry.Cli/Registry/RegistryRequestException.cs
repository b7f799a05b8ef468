namespace EventContracts.Cli.Registry;

/// <summary>
/// The registry refused a request with a 4xx. <see cref="Exception.Message"/> is what the registry said (Confluent's
/// <c>message</c>, or a problem's <c>detail</c>/<c>title</c>). A command whose verdict is that refusal (409 on register)
/// catches it; any other reaches <see cref="Evc"/> and exits 3.
/// </summary>
internal sealed class RegistryRequestException : Exception
{
    public RegistryRequestException(int status, int? errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public RegistryRequestException(string message)
        : base(message)
    {
    }

    public RegistryRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryRequestException()
    {
    }

    /// <summary>The HTTP status, 400–499.</summary>
    public int Status { get; }

    /// <summary>Confluent's <c>error_code</c> (40401, 42201…) or the problem's <c>errorCode</c>, when the body had one.</summary>
    public int? ErrorCode { get; }
}
