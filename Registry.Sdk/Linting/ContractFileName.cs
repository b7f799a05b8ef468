using System.Globalization;

namespace EventContracts.Linting;

/// <summary>
/// The name of a contract file, <c>&lt;event-type&gt;.v&lt;N&gt;.json</c>: <c>order.created.v2.json</c> holds version 2
/// of <c>order.created</c>. Only the last <c>.v&lt;N&gt;</c> is the file version, so <c>order.created.v2.v3.json</c> is
/// version 3 of the event type <c>order.created.v2</c>.
/// </summary>
/// <param name="EventType">The event type the file holds a version of, e.g. <c>order.created</c>; not checked against the naming rule (that is EC001).</param>
/// <param name="Version">The registry version, 1 or more.</param>
public sealed record ContractFileName(string EventType, int Version)
{
    private const string Extension = ".json";
    private const string Example = "like order.created.v2.json";

    /// <summary>
    /// Reads a contract file name; a path is accepted and only its file name is looked at. On failure,
    /// <paramref name="problem"/> says what to rename.
    /// </summary>
    public static bool TryParse(string fileName, out ContractFileName? file, out string? problem)
    {
        file = null;
        if (string.IsNullOrWhiteSpace(fileName))
        {
            problem = $"give a file name, {Example}";
            return false;
        }

        // Both separators, whatever the OS: contract paths come from Windows and Linux checkouts alike.
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        if (!name.EndsWith(Extension, StringComparison.Ordinal))
        {
            problem = name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
                ? $"use the lower-case extension .json, {Example}; \"{name}\" has \"{name[^Extension.Length..]}\""
                : $"name the file <event-type>.v<N>.json, {Example}; \"{name}\" does not end in .json";
            return false;
        }

        var stem = name[..^Extension.Length];
        var dot = stem.LastIndexOf('.');
        var versionText = dot < 0 ? string.Empty : stem[(dot + 1)..];
        if (versionText.Length < 2 || versionText[0] != 'v' || versionText.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            problem = $"end the file name with the version before .json, <event-type>.v<N>.json, {Example}; \"{name}\" has no .v<N>";
            return false;
        }

        if (versionText[1] == '0'
            || !int.TryParse(versionText.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            problem = $"write the version as v<N> with N from 1 and no leading zeros, {Example}; \"{name}\" has \"{versionText}\"";
            return false;
        }

        var eventType = stem[..dot];
        if (eventType.Length == 0)
        {
            problem = $"put the event type before the version, {Example}; \"{name}\" has none";
            return false;
        }

        file = new ContractFileName(eventType, version);
        problem = null;
        return true;
    }
}
