namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): how much a finding matters.</summary>
public enum LintSeverity
{
    /// <summary>The rule does not run.</summary>
    Off,

    /// <summary>Reported, does not block.</summary>
    Warning,

    /// <summary>Blocks registration.</summary>
    Error,
}
