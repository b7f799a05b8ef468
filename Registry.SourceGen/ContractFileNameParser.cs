using System;
using System.Globalization;

namespace EventContracts.SourceGen;

/// <summary>
/// Reads <c>&lt;event-type&gt;.v&lt;N&gt;.json</c> (DESIGN §4). This repeats the structural part of
/// Registry.Sdk's <c>ContractFileName</c> and <c>EventTypeName</c> on purpose: a generator targets netstandard2.0
/// and is loaded into the compiler on its own, so it can reference no project (Registry.Sdk is net10.0 and would
/// have to ship inside the analyzer package with its dependencies). Only what naming a type needs is checked:
/// lower-case segments, <c>&lt;domain&gt;.&lt;event&gt;</c> or <c>&lt;domain&gt;.&lt;entity&gt;.&lt;event&gt;</c> with an optional
/// major <c>.v&lt;M&gt;</c>, and the file version. The past-tense rule is the linter's (EC001), not the generator's.
/// </summary>
internal static class ContractFileNameParser
{
    private static readonly char[] Separators = { '/', '\\' };
    private const string Example = "like order.created.v2.json";

    public static bool TryParse(string path, out string eventType, out string[] nameSegments, out int? major, out int version, out string? problem)
    {
        eventType = string.Empty;
        nameSegments = Array.Empty<string>();
        major = null;
        version = 0;
        var name = path.Substring(path.LastIndexOfAny(Separators) + 1);
        if (!name.EndsWith(".json", StringComparison.Ordinal))
        {
            problem = "name the file <event-type>.v<N>.json with a lower-case .json, " + Example + "; \"" + name + "\" is not";
            return false;
        }

        var stem = name.Substring(0, name.Length - ".json".Length);
        var dot = stem.LastIndexOf('.');
        if (dot <= 0 || !TryReadVersion(stem.Substring(dot + 1), out version))
        {
            problem = "end the file name with the version before .json, <event-type>.v<N>.json with N from 1 and no leading zeros, " + Example + "; \"" + name + "\" has none";
            return false;
        }

        eventType = stem.Substring(0, dot);
        var segments = eventType.Split('.');
        foreach (var segment in segments)
        {
            if (!IsNameSegment(segment))
            {
                problem = "use lower-case dot-separated segments, each a letter followed by letters or digits, " + Example + "; \"" + segment + "\" in \"" + name + "\" is not one";
                return false;
            }
        }

        var count = segments.Length;
        if (count > 0 && TryReadVersion(segments[count - 1], out var m))
        {
            major = m;
            count--;
        }

        if (count < 2 || count > 3)
        {
            problem = "name the event type <domain>.<event> or <domain>.<entity>.<event>, " + Example + "; \"" + eventType + "\" has " + count.ToString(CultureInfo.InvariantCulture) + " name segments";
            return false;
        }

        nameSegments = new string[count];
        Array.Copy(segments, nameSegments, count);
        for (var i = 0; i < count; i++)
        {
            if (TryReadVersion(nameSegments[i], out _))
            {
                problem = "put the major version last, like order.created.v2.v1.json; \"" + eventType + "\" has it in the middle";
                return false;
            }
        }

        problem = null;
        return true;
    }

    private static bool IsNameSegment(string segment)
    {
        if (segment.Length == 0 || segment[0] < 'a' || segment[0] > 'z')
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadVersion(string text, out int version)
    {
        version = 0;
        if (text.Length < 2 || text[0] != 'v' || text[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return int.TryParse(text.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
