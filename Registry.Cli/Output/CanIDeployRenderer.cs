using System.Globalization;
using EventContracts.Deployments;
using Spectre.Console;

namespace EventContracts.Cli.Output;

/// <summary>Renders a <see cref="CanIDeployReport"/>: a table of pairs with reasons and a verdict line, or GitHub annotations.</summary>
internal static class CanIDeployRenderer
{
    public static void WriteText(IAnsiConsole console, CanIDeployReport report, bool dryRun)
    {
        var subject = $"{report.Service} {report.Version} to {report.Environment}";
        Terminal.Line(console, $"{(dryRun ? "[yellow]Dry run:[/] " : string.Empty)}can-i-deploy {Terminal.Text(subject)}");

        if (report.Pairs.Count == 0)
        {
            Terminal.Line(console, Terminal.Text($"No (reader, writer) pairs: nothing in {report.Environment} reads what {report.Service} {report.Version} writes, or writes what it reads."));
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Producer")
                .AddColumn("Consumer")
                .AddColumn("Event type")
                .AddColumn(new TableColumn("Versions").NoWrap())
                .AddColumn("Verdict");
            foreach (var pair in report.Pairs)
            {
                var style = pair.Verdict switch
                {
                    GateVerdict.Unsafe when !pair.Ignored => new Style(Color.Red, decoration: Decoration.Bold),
                    GateVerdict.Unknown when !pair.Ignored => new Style(Color.Yellow),
                    _ => Style.Plain,
                };
                table.AddRow(
                    new Text($"{pair.Producer} {pair.ProducerVersion}"),
                    new Text($"{pair.Consumer} {pair.ConsumerVersion}"),
                    new Text(pair.Subject is { } s && s != pair.EventType ? $"{pair.EventType} ({s})" : pair.EventType),
                    new Text($"writer v{Number(pair.WriterVersion)} -> reader v{Number(pair.ReaderVersion)}"),
                    new Text(VerdictWord(pair.Verdict) + (pair.Ignored ? " (ignored)" : string.Empty), style));
            }

            console.Write(table);
        }

        foreach (var pair in report.Pairs.Where(p => p.Verdict != GateVerdict.Safe))
        {
            var head = $"{VerdictWord(pair.Verdict)}{(pair.Ignored ? " (ignored)" : string.Empty)}: {pair.Producer} {pair.ProducerVersion} -> {pair.Consumer} {pair.ConsumerVersion}, {pair.EventType}";
            Terminal.Line(console, $"{Colour(pair.Verdict, pair.Ignored, head)}: {Terminal.Text(pair.Reason ?? "no reason given.")}");
            foreach (var difference in pair.Differences.Where(d => !d.Compatible))
            {
                Terminal.Line(console, Terminal.Text($"    {difference.Type} at {difference.Path}: {difference.Message}"));
            }
        }

        foreach (var finding in report.Findings.Where(f => f.Verdict != FindingVerdict.Warning))
        {
            var verdict = finding.Verdict == FindingVerdict.Unsafe ? GateVerdict.Unsafe : GateVerdict.Unknown;
            Terminal.Line(console, $"{Colour(verdict, false, $"{VerdictWord(verdict)} ({KindWord(finding.Kind)})")}: {Terminal.Text(finding.Message)}");
        }

        foreach (var warning in report.Warnings)
        {
            Terminal.Line(console, $"[yellow]warning:[/] {Terminal.Text(warning)}");
        }

        var line = VerdictLine(report);
        Terminal.Line(console, dryRun
            ? $"[yellow]Dry run:[/] {Terminal.Text(line)} (exit 0 because of --dry-run)"
            : report.Verdict switch
            {
                GateVerdict.Safe => $"[green]{Terminal.Text(line)}[/]",
                GateVerdict.Unsafe => $"[red bold]{Terminal.Text(line)}[/]",
                _ => $"[yellow]{Terminal.Text(line)}[/]",
            });
    }

    public static void WriteGitHub(CanIDeployReport report, bool dryRun)
    {
        var stdout = Console.Out;
        foreach (var pair in report.Pairs.Where(p => p.Verdict != GateVerdict.Safe && !p.Ignored))
        {
            var level = pair.Verdict == GateVerdict.Unsafe && !dryRun ? "error" : "warning";
            var breaking = pair.Differences.Where(d => !d.Compatible).Select(d => $"{d.Type} at {d.Path}: {d.Message}").ToList();
            var message = $"{pair.Producer} {pair.ProducerVersion} -> {pair.Consumer} {pair.ConsumerVersion} ({pair.EventType}, writer v{Number(pair.WriterVersion)} -> reader v{Number(pair.ReaderVersion)}): {pair.Reason ?? VerdictWord(pair.Verdict)}"
                + (breaking.Count > 0 ? "\n" + string.Join("\n", breaking) : string.Empty);
            stdout.Write(GitHubAnnotations.Format(level, null, null, null, $"can-i-deploy: {VerdictWord(pair.Verdict)} {pair.EventType}", message));
            stdout.Write('\n');
        }

        foreach (var finding in report.Findings.Where(f => f.Verdict != FindingVerdict.Warning))
        {
            var level = finding.Verdict == FindingVerdict.Unsafe && !dryRun ? "error" : "warning";
            stdout.Write(GitHubAnnotations.Format(level, null, null, null, $"can-i-deploy: {KindWord(finding.Kind)}", finding.Message));
            stdout.Write('\n');
        }

        foreach (var warning in report.Warnings)
        {
            stdout.Write(GitHubAnnotations.Format("warning", null, null, null, "can-i-deploy", warning));
            stdout.Write('\n');
        }

        stdout.Write(dryRun ? $"Dry run: {VerdictLine(report)} (exit 0 because of --dry-run)\n" : $"{VerdictLine(report)}\n");
    }

    /// <summary>The final line: "safe to deploy …", "NOT safe: …" or "unknown: …".</summary>
    public static string VerdictLine(CanIDeployReport report)
    {
        var subject = $"{report.Service} {report.Version} to {report.Environment}";
        var counts = report.Counts;
        var unsafeFindings = report.Findings.Count(f => f.Verdict == FindingVerdict.Unsafe);
        var unknownFindings = report.Findings.Count(f => f.Verdict == FindingVerdict.Unknown);
        return report.Verdict switch
        {
            GateVerdict.Safe => $"safe to deploy {subject} ({Plural(counts.Pairs, "pair")} checked).",
            GateVerdict.Unsafe => $"NOT safe to deploy {subject}: {Join(Plural(counts.Unsafe, "unsafe pair"), Plural(unsafeFindings, "unsafe finding"))}.",
            _ => $"unknown whether {subject} is safe: {Join(Plural(counts.Unknown, "unresolved pair"), Plural(unknownFindings, "unresolved finding"))}; {FirstUnknownReason(report)}",
        };
    }

    /// <summary>The first reason the verdict is unknown, in the registry's words, for retries and the verdict line.</summary>
    public static string FirstUnknownReason(CanIDeployReport report) =>
        report.Findings.FirstOrDefault(f => f.Verdict == FindingVerdict.Unknown)?.Message
        ?? report.Pairs.FirstOrDefault(p => p.Verdict == GateVerdict.Unknown && !p.Ignored)?.Reason
        ?? "the registry could not resolve everything it needs.";

    private static string Colour(GateVerdict verdict, bool ignored, string text)
    {
        var escaped = Terminal.Text(text);
        return ignored ? escaped : verdict switch
        {
            GateVerdict.Unsafe => $"[red bold]{escaped}[/]",
            GateVerdict.Unknown => $"[yellow]{escaped}[/]",
            _ => escaped,
        };
    }

    private static string VerdictWord(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Safe => "safe",
        GateVerdict.Unsafe => "UNSAFE",
        _ => "unknown",
    };

    private static string KindWord(FindingKind kind) => kind switch
    {
        FindingKind.OrphanedConsumer => "orphaned consumer",
        FindingKind.MissingProducer => "missing producer",
        FindingKind.Unresolved => "unresolved",
        _ => "ignored",
    };

    private static string Join(params string?[] parts) => string.Join(" and ", parts.Where(p => p is not null));

    private static string? Plural(int count, string noun) => count switch
    {
        0 when noun != "pair" => null, // "NOT safe: 1 unsafe finding", not "0 unsafe pairs and 1 unsafe finding"
        1 => $"1 {noun}",
        _ => $"{Number(count)} {noun}s",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
