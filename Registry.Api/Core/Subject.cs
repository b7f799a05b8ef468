namespace EventContracts.Api.Core;

/// <summary>A registry subject: the event type, optionally with Confluent's <c>-key</c>/<c>-value</c> suffix.</summary>
public readonly record struct Subject
{
    private Subject(string name) => Name = name;

    public string Name { get; }

    /// <summary>Accepts any non-empty name of at most 255 characters without control characters; naming rules are lint's job (EC001).</summary>
    public static Subject Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255 || name.Any(char.IsControl))
        {
            throw new RegistryException(ErrorCodes.InvalidSubject, $"Subject \"{name}\" is not valid: use 1 to 255 printable characters, e.g. order.created or order.created-value.");
        }

        return new Subject(name);
    }

    public override string ToString() => Name;
}
