using System.Globalization;
using System.Text.Json;
using EventContracts.Cli.Registry;
using EventContracts.Linting;
using Spectre.Console;

namespace EventContracts.Cli.Output;

/// <summary>Renders the outcomes of <c>evc register</c> and <c>evc check</c>: one line per file, JSON, or GitHub annotations.</summary>
internal static class RegistrationRenderer
{
    public static void WriteLine(IAnsiConsole console, ContractOutcome outcome, bool withFindings)
    {
        var file = outcome.File;
        var version = $"{outcome.Subject} v{file.Version.ToString(CultureInfo.InvariantCulture)}";
        var id = outcome.SchemaId is { } schemaId ? $", id {schemaId.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        var line = outcome.Status switch
        {
            ContractStatus.AlreadyRegistered => $"{Terminal.Text(file.Path)}: already registered ({Terminal.Text(version)}{id})",
            ContractStatus.Registered => $"{Terminal.Text(file.Path)}: [green]registered[/] as {Terminal.Text(version)}{id}",
            ContractStatus.WouldRegister => $"{Terminal.Text(file.Path)}: [green]would register[/] as {Terminal.Text(version)}",
            ContractStatus.Pending => $"{Terminal.Text(file.Path)}: not registered yet ({Terminal.Text(version)})",
            ContractStatus.Skipped => $"{Terminal.Text(file.Path)}: [yellow]skipped[/]: {Terminal.Text(outcome.Message)}",
            ContractStatus.Mismatch => $"{Terminal.Text(file.Path)}: [red bold]MISMATCH[/]: {Terminal.Text(outcome.Message)}",
            ContractStatus.Incompatible => $"{Terminal.Text(file.Path)}: [red bold]INCOMPATIBLE[/]: {Terminal.Text(outcome.Message)}",
            _ => $"{Terminal.Text(file.Path)}: [red bold]REFUSED[/]: {Terminal.Text(outcome.Message)}",
        };
        Terminal.Line(console, line);

        if (withFindings)
        {
            foreach (var finding in outcome.Findings ?? [])
            {
                var location = finding.Position is { } p
                    ? $"{finding.File}:{p.Line.ToString(CultureInfo.InvariantCulture)}:{p.Column.ToString(CultureInfo.InvariantCulture)}"
                    : finding.File ?? file.Path;
                var severity = finding.Severity == LintSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]";
                Terminal.Line(console, $"  {Terminal.Text(location)} {severity} {Terminal.Text(finding.RuleId)} {Terminal.Text(finding.Message)}");
            }
        }
    }

    public static string Summary(IReadOnlyList<ContractOutcome> outcomes, bool dryRun)
    {
        var counts = new List<string>();
        Add(ContractStatus.Registered, "registered");
        Add(ContractStatus.WouldRegister, dryRun ? "would be registered" : "would register");
        Add(ContractStatus.AlreadyRegistered, "already registered");
        Add(ContractStatus.Mismatch, "mismatched");
        Add(ContractStatus.Incompatible, dryRun ? "would be refused as incompatible" : "incompatible");
        Add(ContractStatus.Refused, dryRun ? "would be refused by lint" : "refused");
        Add(ContractStatus.Skipped, "skipped");
        var files = outcomes.Count == 1 ? "1 file" : $"{outcomes.Count.ToString(CultureInfo.InvariantCulture)} files";
        return $"{files}: {string.Join(", ", counts)}.";

        void Add(ContractStatus status, string label)
        {
            var count = outcomes.Count(o => o.Status == status);
            if (count > 0)
            {
                counts.Add($"{count.ToString(CultureInfo.InvariantCulture)} {label}");
            }
        }
    }

    /// <summary>The documented JSON; <c>dryRun</c> only for <c>evc register</c>.</summary>
    public static void WriteJson(IReadOnlyList<ContractOutcome> outcomes, bool? dryRun) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        if (dryRun is { } isDryRun)
        {
            json.WriteBoolean("dryRun", isDryRun);
        }

        json.WriteBoolean("passed", !outcomes.Any(o => o.Failed));
        json.WriteStartObject("counts");
        foreach (var status in Enum.GetValues<ContractStatus>())
        {
            json.WriteNumber(StatusName(status), outcomes.Count(o => o.Status == status));
        }

        json.WriteEndObject();
        json.WriteStartArray("files");
        foreach (var outcome in outcomes)
        {
            json.WriteStartObject();
            json.WriteString("file", outcome.File.Path);
            json.WriteString("eventType", outcome.File.EventType);
            json.WriteString("subject", outcome.Subject);
            json.WriteNumber("version", outcome.File.Version);
            json.WriteString("status", StatusName(outcome.Status));
            WriteNumberOrNull(json, "schemaId", outcome.SchemaId);
            json.WriteString("message", outcome.Message);
            json.WriteStartArray("differences");
            foreach (var difference in outcome.Differences ?? [])
            {
                json.WriteStartObject();
                json.WriteString("type", difference.Type);
                json.WriteString("path", difference.Path);
                json.WriteString("message", difference.Message);
                json.WriteNumber("againstVersion", difference.AgainstVersion);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in outcome.Findings ?? [])
            {
                json.WriteStartObject();
                WriteNumberOrNull(json, "line", finding.Position?.Line);
                WriteNumberOrNull(json, "column", finding.Position?.Column);
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", finding.Severity == LintSeverity.Error ? "error" : "warning");
                json.WriteString("pointer", finding.Pointer);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteGitHub(IReadOnlyList<ContractOutcome> outcomes)
    {
        var stdout = Console.Out;
        foreach (var outcome in outcomes)
        {
            var path = outcome.File.Path;
            foreach (var finding in outcome.Findings ?? [])
            {
                stdout.Write(GitHubAnnotations.Format(finding.Severity == LintSeverity.Error ? "error" : "warning", path, finding.Position?.Line, finding.Position?.Column, finding.RuleId, finding.Message));
                stdout.Write('\n');
            }

            switch (outcome.Status)
            {
                case ContractStatus.Incompatible when outcome.Differences is { Count: > 0 } differences:
                    foreach (var difference in differences)
                    {
                        var message = $"{difference.Message} ({difference.Path}, incompatible with {outcome.Subject} v{difference.AgainstVersion.ToString(CultureInfo.InvariantCulture)})";
                        stdout.Write(GitHubAnnotations.Format("error", path, null, null, difference.Type, message));
                        stdout.Write('\n');
                    }

                    break;
                case ContractStatus.Incompatible or ContractStatus.Mismatch:
                    stdout.Write(GitHubAnnotations.Format("error", path, null, null, StatusName(outcome.Status), outcome.Message ?? string.Empty));
                    stdout.Write('\n');
                    break;
                case ContractStatus.Refused when outcome.Findings is not { Count: > 0 }:
                    stdout.Write(GitHubAnnotations.Format("error", path, null, null, "refused", outcome.Message ?? string.Empty));
                    stdout.Write('\n');
                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
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

    private static string StatusName(ContractStatus status) => status switch
    {
        ContractStatus.Pending => "pending",
        ContractStatus.AlreadyRegistered => "alreadyRegistered",
        ContractStatus.WouldRegister => "wouldRegister",
        ContractStatus.Registered => "registered",
        ContractStatus.Mismatch => "mismatch",
        ContractStatus.Incompatible => "incompatible",
        ContractStatus.Refused => "refused",
        _ => "skipped",
    };
}
