using System.Globalization;
using System.Text.Json;

namespace EventContracts.Linting;

/// <summary>Resolves <c>$ref</c>s that point into the same document (<c>#</c>, <c>#/$defs/x</c>); never anything else.</summary>
internal static class LocalReference
{
    public static bool IsLocal(string reference) => reference.Length == 0 || reference[0] == '#';

    /// <summary>The schema a local JSON-pointer <c>$ref</c> names; false for anchors, remote refs and pointers to nothing.</summary>
    public static bool TryResolve(JsonElement root, string reference, out JsonElement target)
    {
        target = root;
        if (reference.Length == 0 || reference == "#")
        {
            return true;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return false;
        }

        string fragment;
        try
        {
            fragment = Uri.UnescapeDataString(reference[2..]);
        }
        catch (UriFormatException)
        {
            return false;
        }

        foreach (var raw in fragment.Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (target.ValueKind)
            {
                case JsonValueKind.Object when target.TryGetProperty(token, out var child):
                    target = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < target.GetArrayLength():
                    target = target[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
