namespace EventContracts.Linting;

/// <summary>How much a lint finding matters: <see cref="Error"/> blocks registration, <see cref="Warning"/> is reported.</summary>
public enum LintSeverity
{
    /// <summary>The rule is switched off and produces no findings.</summary>
    Off,

    /// <summary>The finding is reported but does not block registration.</summary>
    Warning,

    /// <summary>The finding blocks registration.</summary>
    Error,
}
