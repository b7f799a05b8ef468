namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): a parsed event-type name.</summary>
public readonly record struct EventTypeName
{
    /// <summary>The whole name.</summary>
    public string Value { get; }

    /// <summary>The first segment.</summary>
    public string Domain { get; }

    /// <summary>The last segment.</summary>
    public string Event { get; }

    /// <summary>The <c>.vN</c> suffix, when present.</summary>
    public int? MajorVersion { get; }

    /// <summary><c>key</c> or <c>value</c>, when present.</summary>
    public string? TopicSuffix { get; }

    /// <summary>Parses a subject.</summary>
    public static bool TryParse(string? subject, out EventTypeName name, out string? problem)
    {
        name = default;
        problem = "placeholder";
        return false;
    }
}
