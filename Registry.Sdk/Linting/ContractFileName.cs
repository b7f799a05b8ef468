using System.Globalization;

namespace EventContracts.Linting;

/// <summary>PLACEHOLDER (replaced by the lint branch at merge): a contract file name, <c>order.created.v2.json</c>.</summary>
/// <param name="EventType">The event type, <c>order.created</c>.</param>
/// <param name="Version">The version, 2.</param>
public sealed record ContractFileName(string EventType, int Version)
{
    /// <summary>Parses <c>&lt;event-type&gt;.v&lt;N&gt;.json</c>.</summary>
    public static bool TryParse(string fileName, out ContractFileName? file, out string? problem)
    {
        var stem = Path.GetFileName(fileName ?? string.Empty);
        stem = stem.EndsWith(".json", StringComparison.Ordinal) ? stem[..^5] : stem;
        var dot = stem.LastIndexOf(".v", StringComparison.Ordinal);
        if (dot > 0 && int.TryParse(stem.AsSpan(dot + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            file = new ContractFileName(stem[..dot], version);
            problem = null;
            return true;
        }

        file = null;
        problem = "The file name must be <event-type>.v<N>.json, e.g. order.created.v2.json.";
        return false;
    }
}
