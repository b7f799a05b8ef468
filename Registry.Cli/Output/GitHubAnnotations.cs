using System.Globalization;
using System.Text;

namespace EventContracts.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), escaped as the
/// runner expects: <c>%</c>, CR and LF everywhere, and also <c>:</c> and <c>,</c> in property values.
/// </summary>
internal static class GitHubAnnotations
{
    public static string Format(string level, string? file, int? line, int? column, string? title, string message)
    {
        var properties = new List<string>(4);
        if (file is not null)
        {
            properties.Add("file=" + EscapeProperty(file));
        }

        if (line is { } l)
        {
            properties.Add("line=" + l.ToString(CultureInfo.InvariantCulture));
        }

        if (column is { } c)
        {
            properties.Add("col=" + c.ToString(CultureInfo.InvariantCulture));
        }

        if (title is not null)
        {
            properties.Add("title=" + EscapeProperty(title));
        }

        var head = properties.Count == 0 ? $"::{level}" : $"::{level} {string.Join(',', properties)}";
        return $"{head}::{EscapeData(message)}";
    }

    public static string EscapeData(string value) =>
        new StringBuilder(value)
            .Replace("%", "%25")
            .Replace("\r", "%0D")
            .Replace("\n", "%0A")
            .ToString();

    public static string EscapeProperty(string value) =>
        new StringBuilder(EscapeData(value))
            .Replace(":", "%3A")
            .Replace(",", "%2C")
            .ToString();
}
