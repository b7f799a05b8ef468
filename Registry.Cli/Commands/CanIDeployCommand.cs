using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Cli.Registry;
using EventContracts.Client;
using EventContracts.Deployments;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc can-i-deploy</c>: asks the registry's deploy gate (DESIGN §9) and turns its verdict into an exit code.</summary>
internal static class CanIDeployCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json, OutputFormat.GitHub];

    public static Command Create()
    {
        var service = GateOptions.Service();
        var version = GateOptions.Version("The version to deploy; its release must be recorded (evc record-release), or the verdict is unknown.");
        var environment = GateOptions.Environment("--to");
        var requireProducers = new Option<bool>("--require-producers") { Description = "A consumed event type that nothing in the environment produces makes the verdict unknown instead of a warning." };
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "A service whose pairs are reported but do not decide the verdict; repeatable.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "service",
        };
        var retries = new Option<string>("--retry-while-unknown")
        {
            Description = "Ask again up to n times while the verdict is unknown (e.g. a schema another pipeline is still registering).",
            DefaultValueFactory = _ => "0",
            HelpName = "n",
        };
        var interval = new Option<string>("--retry-interval")
        {
            Description = "Seconds to wait between two retries.",
            DefaultValueFactory = _ => "10",
            HelpName = "seconds",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the verdict, marked as a dry run, and exit 0 whatever it is (still 3 or 4 on errors)." };
        var registry = CommonOptions.Registry();
        var output = CommonOptions.Output(Formats);

        var command = new Command("can-i-deploy", "Ask whether a service version can be deployed to an environment. Exit 0 safe, 1 unsafe, 2 unknown, 3 usage or input error (including an unknown environment), 4 registry unreachable.")
        {
            service, version, environment, requireProducers, ignore, retries, interval, dryRun, registry, output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Question(
                GateOptions.CheckedService(parseResult.GetValue(service)),
                GateOptions.CheckedVersion(parseResult.GetValue(version)),
                GateOptions.CheckedEnvironment(parseResult.GetValue(environment), "--to"),
                parseResult.GetValue(requireProducers),
                [.. (parseResult.GetValue(ignore) ?? []).Select(s => GateOptions.CheckedService(s)).Distinct(StringComparer.Ordinal)]),
            ParseRetries(parseResult.GetValue(retries)),
            ParseInterval(parseResult.GetValue(interval)),
            parseResult.GetValue(dryRun),
            parseResult.GetValue(registry),
            CommonOptions.ParseOutput(parseResult.GetValue(output), Formats),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Question question, int retries, TimeSpan interval, bool dryRun, string? registry, OutputFormat output, CancellationToken cancellationToken)
    {
        using var client = RegistryClient.Create(registry);
        RegistryResponse<CanIDeployReport> answer;
        for (var attempt = 0; ; attempt++)
        {
            answer = await client.CanIDeployAsync(question.Service, question.Version, question.Environment, question.RequireProducers, question.Ignore, cancellationToken);
            if (answer.Value.Verdict != GateVerdict.Unknown || attempt >= retries)
            {
                break;
            }

            // stderr, so that --output json stays one document on stdout.
            Console.Error.WriteLine($"evc: the verdict is unknown ({CanIDeployRenderer.FirstUnknownReason(answer.Value)}); asking again in {interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (retry {attempt + 1} of {retries}).");
            await Task.Delay(interval, cancellationToken);
        }

        var report = answer.Value;
        switch (output)
        {
            case OutputFormat.Json:
                WriteJsonAsSent(answer.Body);
                if (dryRun)
                {
                    Console.Error.WriteLine($"evc: dry run: the verdict is {Verdict(report.Verdict)}; exiting 0.");
                }

                break;
            case OutputFormat.GitHub:
                CanIDeployRenderer.WriteGitHub(report, dryRun);
                break;
            default:
                CanIDeployRenderer.WriteText(Terminal.Create(), report, dryRun);
                break;
        }

        if (dryRun)
        {
            return ExitCodes.Ok;
        }

        return report.Verdict switch
        {
            GateVerdict.Safe => ExitCodes.Ok,
            GateVerdict.Unsafe => ExitCodes.Failed,
            _ => ExitCodes.Unknown,
        };
    }

    /// <summary>The registry's report as it sent it (every field, in its order), indented like every evc JSON.</summary>
    private static void WriteJsonAsSent(string body)
    {
        using var document = JsonDocument.Parse(body);
        JsonOutput.Write(document.WriteTo);
    }

    private static string Verdict(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Safe => "safe",
        GateVerdict.Unsafe => "unsafe",
        _ => "unknown",
    };

    private static int ParseRetries(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1000
            ? n
            : throw new InputException($"--retry-while-unknown '{text}' is not a number of retries; give a whole number from 0 to 1000.");

    private static TimeSpan ParseInterval(string? text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new InputException($"--retry-interval '{text}' is not a number of seconds; give one from 0 to 3600, e.g. 10 or 0.5.");

    private sealed record Question(string Service, string Version, string Environment, bool RequireProducers, IReadOnlyList<string> Ignore);
}
