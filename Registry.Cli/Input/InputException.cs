namespace EventContracts.Cli.Input;

/// <summary>Bad input the user can fix: a bad option value, a missing or unreadable file, a file that is not a schema.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InputException()
    {
    }
}
