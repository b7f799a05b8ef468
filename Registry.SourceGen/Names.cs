using System.Text;

namespace EventContracts.SourceGen;

/// <summary>C# names from wire names, without culture: only ASCII letters are cased.</summary>
internal static class Names
{
    /// <summary><c>created</c> → <c>Created</c>.</summary>
    public static string Pascal(string segment) =>
        segment.Length == 0 ? segment : ToUpper(segment[0]) + segment.Substring(1);

    /// <summary>
    /// A PascalCase identifier: <c>orderId</c> → <c>OrderId</c>, <c>mobile_app</c> → <c>MobileApp</c>,
    /// <c>3d-model</c> → <c>_3dModel</c>, <c>größe</c> → <c>Größe</c>. Letters (any script) and decimal digits
    /// are kept; every other character splits words; a name that starts with a digit gets a leading underscore.
    /// Only ASCII letters change case, so the result does not depend on culture or Unicode tables. PascalCase
    /// names never clash with C# keywords, which are all lower case. Two wire names that map to one identifier
    /// are reported (ECG003), never renamed.
    /// </summary>
    public static string Identifier(string wireName)
    {
        var sb = new StringBuilder(wireName.Length + 1);
        var upperNext = true;
        foreach (var c in wireName)
        {
            var isLetter = char.IsLetter(c);
            var isDigit = char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DecimalDigitNumber;
            if (!isLetter && !isDigit)
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext && isLetter ? ToUpper(c) : c);
            upperNext = false;
        }

        if (sb.Length == 0 || char.GetUnicodeCategory(sb[0]) == System.Globalization.UnicodeCategory.DecimalDigitNumber)
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    private static char ToUpper(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}
