using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// Makes a string that matches a JSON Schema <c>pattern</c>, for the subset of regular expressions contracts use:
/// anchors, literals and escapes, character classes (ranges, negation, <c>\d \w \s</c>), groups (plain and
/// <c>(?:…)</c>), alternation and the quantifiers <c>? * + {m} {m,} {m,n}</c>. Anything else (look-arounds,
/// back-references, word boundaries) throws <see cref="NotSupportedException"/> naming the pattern, and so does a
/// result the pattern does not match: a test then fails loudly instead of running on invalid data.
/// </summary>
internal static class PatternExample
{
    /// <summary>
    /// The shortest example (every quantifier at its minimum, first alternative, first character of a class) or, with
    /// <paramref name="rich"/>, one that takes each optional part once more and the last alternative.
    /// </summary>
    public static string For(string pattern, bool rich)
    {
        var parser = new Parser(pattern, rich);
        var example = parser.Pattern();
        if (!Regex.IsMatch(example, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new NotSupportedException($"the example \"{example}\" made for the pattern {pattern} does not match it; extend {nameof(PatternExample)}");
        }

        return example;
    }

    private sealed class Parser(string pattern, bool rich)
    {
        private int _at;

        public string Pattern()
        {
            var example = Alternation();
            if (_at != pattern.Length)
            {
                throw Unsupported($"an unbalanced ')' at {_at}");
            }

            return example;
        }

        private string Alternation()
        {
            var branches = new List<string> { Sequence() };
            while (_at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                branches.Add(Sequence());
            }

            return rich ? branches[^1] : branches[0];
        }

        private string Sequence()
        {
            var text = new StringBuilder();
            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                var atom = Atom();
                var (min, max) = Quantifier();
                var count = rich ? Math.Min(max, min + 1) : min;
                for (var i = 0; i < count; i++)
                {
                    text.Append(atom);
                }
            }

            return text.ToString();
        }

        private string Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '^' or '$':
                    return string.Empty;
                case '(':
                    if (Next("?:"))
                    {
                        _at += 2;
                    }
                    else if (Next("?"))
                    {
                        throw Unsupported("a look-around or named group");
                    }

                    var inner = Alternation();
                    if (!Next(")"))
                    {
                        throw Unsupported("an unclosed group");
                    }

                    _at++;
                    return inner;
                case '[':
                    return Class();
                case '\\':
                    return Escape(pattern[_at++]).ToString();
                case '.':
                    return "a";
                default:
                    return c.ToString();
            }
        }

        private (int Min, int Max) Quantifier()
        {
            if (_at >= pattern.Length)
            {
                return (1, 1);
            }

            (int, int) quantifier;
            switch (pattern[_at])
            {
                case '?':
                    _at++;
                    quantifier = (0, 1);
                    break;
                case '*':
                    _at++;
                    quantifier = (0, int.MaxValue);
                    break;
                case '+':
                    _at++;
                    quantifier = (1, int.MaxValue);
                    break;
                case '{':
                    var close = pattern.IndexOf('}', _at);
                    var bounds = pattern[(_at + 1)..close].Split(',');
                    _at = close + 1;
                    var min = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                    var max = bounds.Length == 1 ? min : bounds[1].Length == 0 ? int.MaxValue : int.Parse(bounds[1], CultureInfo.InvariantCulture);
                    quantifier = (min, max);
                    break;
                default:
                    return (1, 1);
            }

            if (Next("?"))
            {
                _at++; // lazy: matches the same strings
            }

            return quantifier;
        }

        private string Class()
        {
            var negated = Next("^");
            if (negated)
            {
                _at++;
            }

            var ranges = new List<(char Low, char High)>();
            while (!Next("]"))
            {
                var low = ClassCharacter(ranges);
                if (low is null)
                {
                    continue;
                }

                if (Next("-") && pattern[_at + 1] != ']')
                {
                    _at++;
                    var high = ClassCharacter(ranges) ?? throw Unsupported("a range ending in a class escape");
                    ranges.Add((low.Value, high));
                }
                else
                {
                    ranges.Add((low.Value, low.Value));
                }
            }

            _at++;
            if (!negated)
            {
                return (rich ? ranges[0].High : ranges[0].Low).ToString();
            }

            foreach (var candidate in "abcxyz0123456789ABCXYZ _-.")
            {
                if (!ranges.Exists(r => candidate >= r.Low && candidate <= r.High))
                {
                    return candidate.ToString();
                }
            }

            throw Unsupported("a negated class that excludes every candidate");
        }

        /// <summary>One character of a class; a class escape (<c>\d</c>…) adds its range and yields null.</summary>
        private char? ClassCharacter(List<(char Low, char High)> ranges)
        {
            var c = pattern[_at++];
            if (c != '\\')
            {
                return c;
            }

            var escaped = pattern[_at++];
            switch (escaped)
            {
                case 'd':
                    ranges.Add(('0', '9'));
                    return null;
                case 'w':
                    ranges.Add(('a', 'z'));
                    return null;
                case 's':
                    ranges.Add((' ', ' '));
                    return null;
                default:
                    return Escape(escaped);
            }
        }

        private char Escape(char c) => c switch
        {
            'd' => rich ? '9' : '0',
            'w' => rich ? 'z' : 'a',
            's' => ' ',
            'D' or 'W' or 'S' => c == 'D' ? 'a' : c == 'W' ? '-' : 'a',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'u' => Unicode(),
            'b' or 'B' => throw Unsupported("a word boundary"),
            >= '1' and <= '9' => throw Unsupported("a back-reference"),
            _ => c,
        };

        private char Unicode()
        {
            var value = (char)int.Parse(pattern.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            _at += 4;
            return value;
        }

        private bool Next(string text) => pattern.AsSpan(_at).StartsWith(text, StringComparison.Ordinal);

        private NotSupportedException Unsupported(string what) =>
            new($"the pattern {pattern} has {what}, which {nameof(PatternExample)} cannot make an example for");
    }
}
