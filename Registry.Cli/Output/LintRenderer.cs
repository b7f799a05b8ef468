using System.Globalization;
using EventContracts.Linting;
using Spectre.Console;

namespace EventContracts.Cli.Output;

/// <summary>Renders lint results as text grouped by file, as the documented JSON, or as GitHub annotations.</summary>
internal static class LintRenderer
{
    public static void WriteJson(IReadOnlyList<LintedFile> files) => JsonOutput.Write(json =>
    {
        var findings = files.SelectMany(f => f.Findings).ToList();
        json.WriteStartObject();
        json.WriteNumber("files", files.Count);
        json.WriteNumber("errors", findings.Count(f => f.Severity == LintSeverity.Error));
        json.WriteNumber("warnings", findings.Count(f => f.Severity == LintSeverity.Warning));
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("file", finding.File);
            WriteNumberOrNull("line", finding.Position?.Line);
            WriteNumberOrNull("column", finding.Position?.Column);
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", SeverityName(finding.Severity));
            json.WriteString("pointer", finding.Pointer);
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        void WriteNumberOrNull(string name, int? value)
        {
            if (value is { } number)
            {
                json.WriteNumber(name, number);
            }
            else
            {
                json.WriteNull(name);
            }
        }
    });

    public static void WriteGitHub(IReadOnlyList<LintedFile> files)
    {
        var stdout = Console.Out;
        foreach (var file in files)
        {
            foreach (var finding in file.Findings)
            {
                stdout.Write(GitHubAnnotations.Format(
                    SeverityName(finding.Severity),
                    finding.File,
                    finding.Position?.Line,
                    finding.Position?.Column,
                    finding.RuleId,
                    finding.Message));
                stdout.Write('\n');
            }

            // An unreadable file is annotated too, so the pull request shows where it broke.
            if (file.Failure is { } failure)
            {
                // The annotation carries file, line and column itself; the problem alone reads better beside it.
                var schemaError = failure.InnerException as Schemas.SchemaException;
                var position = schemaError?.Position;
                stdout.Write(GitHubAnnotations.Format("error", file.Path, position?.Line, position?.Column, "evc", schemaError?.Problem ?? failure.Message));
                stdout.Write('\n');
            }
        }
    }

    public static void WriteText(IAnsiConsole console, IReadOnlyList<LintedFile> files)
    {
        foreach (var file in files.Where(f => f.Findings.Count > 0))
        {
            console.MarkupLine($"[bold]{Terminal.Text(file.Path)}[/]");
            foreach (var finding in file.Findings)
            {
                var location = finding.Position is { } p
                    ? $"{finding.File}:{p.Line.ToString(CultureInfo.InvariantCulture)}:{p.Column.ToString(CultureInfo.InvariantCulture)}"
                    : finding.File ?? file.Path;
                var severity = finding.Severity == LintSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]";
                console.MarkupLine($"  {Terminal.Text(location)} {severity} {Terminal.Text(finding.RuleId)} {Terminal.Text(finding.Message)}");
            }
        }

        var all = files.SelectMany(f => f.Findings).ToList();
        var errors = all.Count(f => f.Severity == LintSeverity.Error);
        var warnings = all.Count(f => f.Severity == LintSeverity.Warning);
        var linted = Plural(files.Count, "file");
        console.WriteLine(all.Count == 0
            ? $"{linted} linted: no findings."
            : $"{linted} linted: {Plural(errors, "error")}, {Plural(warnings, "warning")}.");
    }

    private static string SeverityName(LintSeverity severity) => severity == LintSeverity.Error ? "error" : "warning";

    private static string Plural(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";
}
