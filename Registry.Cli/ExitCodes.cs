namespace EventContracts.Cli;

/// <summary>The process exit codes every command shares (DESIGN §9; 2 and 4 belong to the registry-facing commands).</summary>
internal static class ExitCodes
{
    /// <summary>The check passed: compatible, no lint error, or the diff ran.</summary>
    public const int Ok = 0;

    /// <summary>The check ran and failed: incompatible, or a lint error.</summary>
    public const int Failed = 1;

    /// <summary>Usage or input error: bad arguments, a missing or unreadable file, not JSON, not a schema.</summary>
    public const int BadInput = 3;
}
