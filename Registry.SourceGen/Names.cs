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
    /// <c>3d-model</c> → <c>_3dModel</c>. Characters that cannot appear in an identifier split words; a name
    /// that starts with a digit gets a leading underscore. PascalCase names never clash with C# keywords, which
    /// are all lower case. Two wire names that map to one identifier are reported (ECG003), never renamed.
    /// </summary>
    public static string Identifier(string wireName)
    {
        var sb = new StringBuilder(wireName.Length + 1);
        var upperNext = true;
        foreach (var c in wireName)
        {
            var isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            var isDigit = c >= '0' && c <= '9';
            if (!isLetter && !isDigit)
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext && isLetter ? ToUpper(c) : c);
            upperNext = false;
        }

        if (sb.Length == 0 || (sb[0] >= '0' && sb[0] <= '9'))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    private static char ToUpper(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}
