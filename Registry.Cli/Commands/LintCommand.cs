using System.CommandLine;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Linting;
using EventContracts.Schemas;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc lint</c>: naming and lint rules (DESIGN §6) over contract files and folders.</summary>
internal static class LintCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json, OutputFormat.GitHub];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Contract files (<event-type>.v<N>.json) or folders, searched recursively for *.json.",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = new Option<string[]>("--rule")
        {
            Description = "Override a rule's severity, e.g. --rule EC007=error; repeatable. Severities: off, warning, error.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "ID=severity",
        };
        var output = CommonOptions.Output(Formats);

        var command = new Command("lint", "Check contract files against the naming and lint rules. Exit 0 without error findings, 1 with, 3 on bad input.")
        {
            paths, rules, output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(paths),
            ParseConfiguration(parseResult.GetValue(rules) ?? []),
            CommonOptions.ParseOutput(parseResult.GetValue(output), Formats)));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, LintConfiguration configuration, OutputFormat output)
    {
        var files = ContractFiles.Find(paths);
        var results = new List<LintedFile>(files.Count);
        foreach (var file in files)
        {
            results.Add(LintFile(file, configuration));
        }

        switch (output)
        {
            case OutputFormat.Json:
                LintRenderer.WriteJson(results);
                break;
            case OutputFormat.GitHub:
                LintRenderer.WriteGitHub(results);
                break;
            default:
                LintRenderer.WriteText(Terminal.Create(), results);
                break;
        }

        // The readable files are still reported above, so one broken file does not hide the rest.
        var unreadable = results.Where(r => r.Failure is not null).ToList();
        foreach (var result in unreadable)
        {
            Console.Error.WriteLine($"evc: {result.Failure!.Message}");
        }

        if (unreadable.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        return results.Any(r => r.Findings.Any(f => f.Severity == LintSeverity.Error)) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static LintedFile LintFile(string path, LintConfiguration configuration)
    {
        var findings = new List<LintFinding>();
        string? eventType = null;
        if (ContractFileName.TryParse(Path.GetFileName(path), out var fileName, out var problem))
        {
            eventType = fileName!.EventType;
        }
        else
        {
            var severity = configuration.SeverityOf(LintRules.EventTypeName, null);
            if (severity != LintSeverity.Off)
            {
                findings.Add(new LintFinding(LintRules.EventTypeName, severity, "#", problem ?? "The file name must be <event-type>.v<N>.json.", path, null));
            }
        }

        ContractSchema schema;
        try
        {
            schema = SchemaFiles.Load(path);
        }
        catch (InputException e) when (e.InnerException is SchemaException { Kind: SchemaErrorKind.UnresolvableReference } refused)
        {
            // A $ref the parser refuses (remote, a file, or going nowhere) is a finding of its own: EC005.
            findings.AddRange(ContractLinter.Lint(refused, eventType, configuration).Select(f => f.File is null ? f with { File = path } : f));
            return new LintedFile(path, findings, null);
        }
        catch (InputException e)
        {
            return new LintedFile(path, findings, e);
        }

        findings.AddRange(
            ContractLinter.Lint(schema, eventType, configuration)
                .Where(f => f.Severity != LintSeverity.Off)
                .Select(f => f.File is null ? f with { File = path } : f));
        return new LintedFile(path, findings, null);
    }

    private static LintConfiguration ParseConfiguration(string[] overrides)
    {
        if (overrides.Length == 0)
        {
            return LintConfiguration.Default;
        }

        var rules = new Dictionary<string, LintSeverity>(LintConfiguration.Default.Rules, StringComparer.Ordinal);
        foreach (var text in overrides)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InputException($"--rule '{text}' is not ID=severity, e.g. --rule EC007=error.");
            }

            var id = text[..equals].Trim().ToUpperInvariant();
            var severityText = text[(equals + 1)..].Trim();
            if (!LintRules.TryGet(id, out var rule))
            {
                throw new InputException($"unknown lint rule '{text[..equals].Trim()}'; known rules: {string.Join(", ", LintRules.All.Select(r => r.Id))}.");
            }

            if (!LintConfiguration.TryParseSeverity(severityText, out var severity))
            {
                throw new InputException($"unknown severity '{severityText}' for {rule.Id}; use one of: off, warning, error.");
            }

            rules[rule.Id] = severity;
        }

        return LintConfiguration.Default with { Rules = rules };
    }
}
