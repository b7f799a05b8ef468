namespace EventContracts.Deployments;

/// <summary>
/// The rules for the names the deploy gate records (docs/deploy-gate.md): services and environments are
/// lower-case identifiers, service versions are any short token (semver or a commit).
/// </summary>
public static class DeploymentNames
{
    /// <summary>The longest service, environment or version name accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>Null when <paramref name="service"/> is a valid service name; otherwise what to fix.</summary>
    public static string? CheckService(string? service) => CheckIdentifier(service, "service", "orders or billing-worker");

    /// <summary>Null when <paramref name="environment"/> is a valid environment name; otherwise what to fix.</summary>
    public static string? CheckEnvironment(string? environment) => CheckIdentifier(environment, "environment", "production or staging");

    /// <summary>Null when <paramref name="version"/> is a valid service version (1.5.0, 2.0.0-rc.1, 3f2a9c1); otherwise what to fix.</summary>
    public static string? CheckVersion(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return "the service version is empty; give the version being released, like 1.5.0 or a commit id.";
        }

        if (version.Length > MaxLength)
        {
            return $"the service version '{version[..20]}…' is longer than {MaxLength} characters.";
        }

        return version.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/')
            ? $"the service version '{version}' contains whitespace, a control character or '/'; use a token like 1.5.0 or a commit id."
            : null;
    }

    private static string? CheckIdentifier(string? name, string what, string example)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"the {what} name is empty; use lower-case letters, digits, '-', '_' or '.', like {example}.";
        }

        if (name.Length > MaxLength)
        {
            return $"the {what} name '{name[..20]}…' is longer than {MaxLength} characters.";
        }

        var valid = IsLowerAlphanumeric(name[0]) && name.All(c => IsLowerAlphanumeric(c) || c is '-' or '_' or '.');
        return valid
            ? null
            : $"the {what} name '{name}' is not valid; use lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, like {example}.";
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
