namespace EventContracts.Cli.Registry;

/// <summary>
/// The registry could not be asked (connection refused, DNS, timeout) or kept failing (5xx) after the retries,
/// or answered with something that is not a registry response. evc exits 4.
/// </summary>
internal sealed class RegistryUnreachableException : Exception
{
    public RegistryUnreachableException(Uri registry, string why)
        : base($"registry unreachable at {registry.GetLeftPart(UriPartial.Path).TrimEnd('/')}: {why}")
    {
    }

    public RegistryUnreachableException(string message)
        : base(message)
    {
    }

    public RegistryUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryUnreachableException()
    {
    }
}
