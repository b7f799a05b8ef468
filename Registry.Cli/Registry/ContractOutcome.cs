using EventContracts.Cli.Input;
using EventContracts.Linting;

namespace EventContracts.Cli.Registry;

/// <summary>Where one contract file stands against the registry, before or after <c>evc register</c>.</summary>
internal enum ContractStatus
{
    /// <summary>Not registered yet; nothing decided (a register run that has not reached it).</summary>
    Pending,

    /// <summary>The registry holds this version with this schema.</summary>
    AlreadyRegistered,

    /// <summary>A dry run or check: lint and compatibility pass, the registry would accept it.</summary>
    WouldRegister,

    /// <summary>Registered by this run.</summary>
    Registered,

    /// <summary>The file disagrees with the registry: the version holds another schema, or the number would differ.</summary>
    Mismatch,

    /// <summary>Refused (or, in a dry run, would be refused) as incompatible with registered versions.</summary>
    Incompatible,

    /// <summary>Refused (or would be) by naming and lint rules, or as an invalid schema.</summary>
    Refused,

    /// <summary>Not attempted because an earlier version of the same event type failed, or a mismatch stopped the run.</summary>
    Skipped,
}

/// <summary>One file's outcome: its subject, status, the id when registered, and why when it failed.</summary>
/// <remarks>
/// Message: plain words for anything but a plain success; for a refusal, the registry's reasons. Differences: the
/// breaking differences that made it incompatible (dry run and check only; a refused registration carries the
/// registry's message). Findings: local lint findings (check and dry run), warnings included.
/// </remarks>
internal sealed record ContractOutcome(
    ContractVersionFile File,
    string Subject,
    ContractStatus Status,
    int? SchemaId = null,
    string? Message = null,
    IReadOnlyList<ContractDifference>? Differences = null,
    IReadOnlyList<LintFinding>? Findings = null)
{
    public bool Failed => Status is ContractStatus.Mismatch or ContractStatus.Incompatible or ContractStatus.Refused;
}

/// <summary>A breaking difference found against <paramref name="AgainstVersion"/> of the subject (registered, or a file before it).</summary>
internal sealed record ContractDifference(string Type, string Path, string Message, int AgainstVersion);
