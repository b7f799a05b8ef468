namespace EventContracts.Cli;

/// <summary>The process exit codes every command shares (DESIGN §9).</summary>
internal static class ExitCodes
{
    /// <summary>The check passed: compatible, no lint error, the diff ran, safe to deploy, or the registry recorded it.</summary>
    public const int Ok = 0;

    /// <summary>The check ran and failed: incompatible, a lint error, a refused registration, or unsafe to deploy.</summary>
    public const int Failed = 1;

    /// <summary>The gate could not decide: something it needs (a release, subject or schema version) is not known.</summary>
    public const int Unknown = 2;

    /// <summary>Usage or input error: bad arguments, a missing or unreadable file, not JSON, not a schema, a bad manifest.</summary>
    public const int BadInput = 3;

    /// <summary>The registry could not be reached: connection refused, DNS, timeout, or server errors after retries.</summary>
    public const int Unreachable = 4;
}
