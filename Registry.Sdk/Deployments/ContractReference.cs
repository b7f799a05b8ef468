using System.Globalization;

namespace EventContracts.Deployments;

/// <summary>
/// One contract a release declares: an event type at a registered schema version, written
/// <c>&lt;event-type&gt;@&lt;version&gt;</c>, e.g. <c>order.created@3</c> (DESIGN §4).
/// </summary>
public readonly record struct ContractReference(string EventType, int Version)
{
    /// <summary>The longest event type accepted: the registry's subject limit.</summary>
    public const int MaxEventTypeLength = 255;

    /// <summary>
    /// Reads <c>order.created@3</c>. On failure, <paramref name="problem"/> says what to fix and the result is default.
    /// The event type is not held to the naming convention (registries hold subjects that predate it); it must be
    /// 1–255 printable characters without whitespace or <c>@</c>, and the version a positive integer.
    /// </summary>
    public static bool TryParse(string? text, out ContractReference contract, out string? problem)
    {
        contract = default;
        problem = Check(text, out var eventType, out var version);
        if (problem is not null)
        {
            return false;
        }

        contract = new ContractReference(eventType!, version);
        return true;
    }

    /// <summary>Reads <c>order.created@3</c>, throwing <see cref="FormatException"/> with what to fix.</summary>
    public static ContractReference Parse(string text) =>
        TryParse(text, out var contract, out var problem) ? contract : throw new FormatException(problem);

    /// <summary><c>order.created@3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{EventType}@{Version}");

    private static string? Check(string? text, out string? eventType, out int version)
    {
        eventType = null;
        version = 0;
        const string Shape = "write a contract as <event-type>@<schema version>, like order.created@3";
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"the contract is empty; {Shape}.";
        }

        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return $"'{text}' has no schema version; {Shape}.";
        }

        var name = text[..at];
        var number = text[(at + 1)..];
        if (name.Length == 0)
        {
            return $"'{text}' has no event type; {Shape}.";
        }

        if (name.Length > MaxEventTypeLength)
        {
            return $"'{text}' has an event type longer than {MaxEventTypeLength} characters.";
        }

        if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@'))
        {
            return $"'{text}' has whitespace, a control character or a second '@' in its event type; {Shape}.";
        }

        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
        {
            version = 0;
            return $"'{text}' has '{number}' as its schema version; the version is a positive integer, like order.created@3.";
        }

        eventType = name;
        return null;
    }
}
