using System.Text;
using System.Text.RegularExpressions;

namespace EventContracts.Linting;

/// <summary>Recognises casing styles and respells names in them.</summary>
internal static partial class Casing
{
    public static IReadOnlyList<CasingStyle> Styles { get; } = Enum.GetValues<CasingStyle>();

    public static bool IsCamelCase(string name) => CamelPattern().IsMatch(name);

    public static bool Fits(string value, CasingStyle style) => style switch
    {
        CasingStyle.UpperSnake => UpperSnakePattern().IsMatch(value),
        CasingStyle.LowerSnake => LowerSnakePattern().IsMatch(value),
        CasingStyle.Kebab => KebabPattern().IsMatch(value),
        CasingStyle.Camel => CamelPattern().IsMatch(value),
        CasingStyle.Pascal => PascalPattern().IsMatch(value),
        _ => false,
    };

    public static string NameOf(CasingStyle style) => style switch
    {
        CasingStyle.UpperSnake => "UPPER_SNAKE_CASE",
        CasingStyle.LowerSnake => "lower_snake_case",
        CasingStyle.Kebab => "kebab-case",
        CasingStyle.Camel => "camelCase",
        CasingStyle.Pascal => "PascalCase",
        _ => style.ToString(),
    };

    /// <summary>
    /// <paramref name="text"/> respelled in <paramref name="style"/> (<c>order_id</c> → <c>orderId</c>), or null when
    /// there is no sensible spelling: no words, a leading digit, or letters outside ASCII we should not guess at.
    /// </summary>
    public static string? Respell(string text, CasingStyle style)
    {
        if (text.Any(c => c > 127 && char.IsLetterOrDigit(c)))
        {
            return null;
        }

        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var respelled = style switch
        {
            CasingStyle.UpperSnake => string.Join('_', words.Select(w => w.ToUpperInvariant())),
            CasingStyle.LowerSnake => string.Join('_', words.Select(Lower)),
            CasingStyle.Kebab => string.Join('-', words.Select(Lower)),
            CasingStyle.Camel => Lower(words[0]) + string.Concat(words.Skip(1).Select(Capitalize)),
            CasingStyle.Pascal => string.Concat(words.Select(Capitalize)),
            _ => null,
        };
        return respelled is not null && Fits(respelled, style) ? respelled : null;
    }

    // Words are runs of ASCII letters and digits, split at lower→Upper ("orderId") and at the end of an acronym ("HTTPServer").
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0 && char.IsAsciiLetterUpper(c))
            {
                var previous = text[i - 1];
                var startsWord = char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)
                    || (char.IsAsciiLetterUpper(previous) && i + 1 < text.Length && char.IsAsciiLetterLower(text[i + 1]));
                if (startsWord)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    // Identifiers, not prose: lower-casing is what the style asks for, so CA1308's advice to upper-case does not apply.
#pragma warning disable CA1308
    private static string Lower(string word) => word.ToLowerInvariant();
#pragma warning restore CA1308

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + Lower(word[1..]);

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelPattern();

    // At least one lower-case letter, so a single UPPER word counts as UPPER_SNAKE_CASE rather than PascalCase.
    [GeneratedRegex("^[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PascalPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex UpperSnakePattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerSnakePattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabPattern();
}
