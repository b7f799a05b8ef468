using System.Globalization;

namespace EventContracts.Linting;

/// <summary>
/// An event-type name that follows the naming convention: lower-case segments separated by dots,
/// <c>&lt;domain&gt;.&lt;event&gt;</c> or <c>&lt;domain&gt;.&lt;entity&gt;.&lt;event&gt;</c>, the last one a past-tense verb,
/// optionally followed by a major version (<c>order.created.v2</c>) and, as a subject, by Confluent's
/// <c>-key</c>/<c>-value</c> suffix (<c>order.created-value</c>).
/// </summary>
public readonly record struct EventTypeName
{
    private const string Example = "like order.created";

    private readonly string? _value;
    private readonly string? _domain;
    private readonly string? _event;

    private EventTypeName(string value, string domain, string @event, int? majorVersion, string? topicSuffix)
    {
        _value = value;
        _domain = domain;
        _event = @event;
        MajorVersion = majorVersion;
        TopicSuffix = topicSuffix;
    }

    /// <summary>The name without the <c>-key</c>/<c>-value</c> suffix, version included, e.g. <c>order.created.v2</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The first segment, e.g. <c>order</c>.</summary>
    public string Domain => _domain ?? string.Empty;

    /// <summary>The last segment before the version: the past-tense verb, e.g. <c>created</c>.</summary>
    public string Event => _event ?? string.Empty;

    /// <summary>The major version, 2 for <c>order.created.v2</c>; null when the name has none.</summary>
    public int? MajorVersion { get; }

    /// <summary><c>key</c> or <c>value</c> when the subject carried Confluent's TopicNameStrategy suffix; otherwise null.</summary>
    public string? TopicSuffix { get; }

    /// <summary>
    /// Reads a subject or event type. On failure, <paramref name="problem"/> says what to fix, e.g.
    /// <c>use lower-case segments separated by dots, like order.created</c>.
    /// </summary>
    public static bool TryParse(string? subject, out EventTypeName name, out string? problem)
    {
        name = default;
        problem = Check(subject, out var parsed);
        if (problem is not null)
        {
            return false;
        }

        name = parsed;
        return true;
    }

    internal static string StripTopicSuffix(string subject, out string? suffix)
    {
        foreach (var candidate in (ReadOnlySpan<string>)["key", "value"])
        {
            if (subject.Length > candidate.Length + 1
                && subject.EndsWith(candidate, StringComparison.Ordinal)
                && subject[subject.Length - candidate.Length - 1] == '-')
            {
                suffix = candidate;
                return subject[..(subject.Length - candidate.Length - 1)];
            }
        }

        suffix = null;
        return subject;
    }

    private static string? Check(string? subject, out EventTypeName parsed)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return $"give an event type, {Example}";
        }

        var value = StripTopicSuffix(subject, out var suffix);
        var segments = value.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            return $"remove the empty segment: separate segments with single dots and start and end with a name, {Example}";
        }

        foreach (var segment in segments)
        {
            if (!IsNameSegment(segment))
            {
                return DescribeBadSegment(segment);
            }
        }

        int? version = null;
        var names = segments;
        if (TryReadVersion(segments[^1], out var major, out var versionProblem))
        {
            version = major;
            names = segments[..^1];
        }
        else if (versionProblem is not null)
        {
            return versionProblem;
        }

        foreach (var segment in names)
        {
            if (TryReadVersion(segment, out _, out _))
            {
                return $"put the major version last, like order.created.v2; \"{segment}\" is in the middle";
            }
        }

        if (names.Length < 2)
        {
            return $"name the domain and the event, <domain>.<event>, {Example}";
        }

        if (names.Length > 3)
        {
            return $"use two or three name segments, <domain>.<event> or <domain>.<entity>.<event>, like order.item.added; \"{string.Join('.', names)}\" has {names.Length}";
        }

        var last = names[^1];
        if (!PastTenseVerbs.IsPastTense(last))
        {
            var hint = last.EndsWith('e') ? $"; try \"{last}d\"" : string.Empty;
            return $"end with a past-tense verb that says what happened, like order.created or order.paid; \"{last}\" is not one{hint}";
        }

        parsed = new EventTypeName(value, names[0], last, version, suffix);
        return null;
    }

    private static bool IsNameSegment(string segment) =>
        char.IsAsciiLetterLower(segment[0]) && segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static string DescribeBadSegment(string segment)
    {
        if (segment.Any(c => c is '-' or '_' or ' '))
        {
            return $"separate segments with dots, not '-', '_' or spaces, {Example} (only a final -key or -value is allowed); \"{segment}\" is not a segment";
        }

        return $"use lower-case segments separated by dots, each a letter followed by letters or digits, {Example}; \"{segment}\" is not one";
    }

    // v<N>, N >= 1 without leading zeros. A segment that looks like a version but is malformed gets its own problem.
    private static bool TryReadVersion(string segment, out int major, out string? problem)
    {
        major = 0;
        problem = null;
        if (segment.Length < 2 || segment[0] != 'v' || segment.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (segment[1] == '0' || !int.TryParse(segment.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out major))
        {
            problem = $"write the major version as v<N> with N from 1 and no leading zeros, like order.created.v2; \"{segment}\" is not one";
            return false;
        }

        return true;
    }
}
