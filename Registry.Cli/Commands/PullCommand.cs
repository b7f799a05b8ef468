using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Cli.Registry;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc pull</c>: writes registered versions as contract files, <c>&lt;folder&gt;/&lt;domain&gt;/&lt;event-type&gt;.v&lt;N&gt;.json</c>.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var contract = new Argument<string>("event-type")
        {
            Description = "The event type, e.g. order.created (every version), or order.created@2 (one version).",
        };
        var to = new Option<string>("--to")
        {
            Description = "The contracts folder; files go to <folder>/<domain>/<event-type>.v<N>.json.",
            Required = true,
            HelpName = "folder",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite a file that differs from the registry's version." };
        var registry = CommonOptions.Registry();

        var command = new Command("pull", "Write registered schema versions as contract files. Exit 0 written, 3 on a bad argument, an unknown event type or version, or a local file that differs, 4 when the registry is unreachable.")
        {
            contract, to, force, registry,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(contract),
            parseResult.GetRequiredValue(to),
            parseResult.GetValue(force),
            parseResult.GetValue(registry),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string argument, string folder, bool force, string? registry, CancellationToken cancellationToken)
    {
        var (eventType, wanted) = ParseArgument(argument);
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new InputException("--to needs a folder, e.g. --to contracts.");
        }

        using var client = RegistryClient.Create(registry);
        var (subject, _) = await client.ResolveSubjectAsync(eventType, cancellationToken);
        var live = await client.VersionsAsync(subject, includeDeleted: false, cancellationToken);
        if (live is null || live.Count == 0)
        {
            throw new InputException($"the registry at {client.Display} has no event type {eventType} (no subject {eventType} or {eventType}-value with a live version).");
        }

        if (wanted is { } version && !live.Contains(version))
        {
            throw new InputException($"{subject} has no version {version} in the registry; its versions are {string.Join(", ", live)}.");
        }

        // The domain folder of DESIGN §4 is the event type's first segment: order.created → <folder>/order/.
        var domain = eventType.Split('.')[0];
        var directory = Path.Combine(folder, domain);
        var written = 0;
        foreach (var number in wanted is { } one ? [one] : live)
        {
            var found = await client.VersionAsync(subject, number, includeDeleted: false, cancellationToken)
                ?? throw new InputException($"{subject} has no version {number} in the registry.");
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{eventType}.v{number}.json"));
            var content = PrettyPrint(found.Schema, subject, number);
            if (File.Exists(path))
            {
                var existing = await File.ReadAllTextAsync(path, cancellationToken);
                if (existing == content)
                {
                    Console.Out.Write($"{path}: unchanged ({subject} v{number}, id {found.Id})\n");
                    continue;
                }

                if (!force)
                {
                    throw new InputException($"{path} exists and differs from version {number} of {subject} in the registry; pass --force to overwrite it.");
                }
            }

            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            Console.Out.Write($"{path}: wrote {subject} v{number} (id {found.Id})\n");
            written++;
        }

        Console.Out.Write(written == 1 ? "1 file written.\n" : $"{written} files written.\n");
        return ExitCodes.Ok;
    }

    private static (string EventType, int? Version) ParseArgument(string argument)
    {
        var text = argument.Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            if (!EventContracts.Deployments.ContractReference.TryParse(text, out var reference, out var problem))
            {
                throw new InputException($"'{argument}': {problem}");
            }

            return (reference.EventType, reference.Version);
        }

        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\'))
        {
            throw new InputException($"'{argument}' is not an event type; give one like order.created, or order.created@2 for one version.");
        }

        return (text, null);
    }

    /// <summary>Indented like every evc JSON (two spaces, <c>\n</c>, a final newline), in the registry's key order: the same bytes on every pull.</summary>
    private static string PrettyPrint(string schema, string subject, int version)
    {
        try
        {
            using var document = JsonDocument.Parse(schema);
            return JsonOutput.Format(document.WriteTo);
        }
        catch (JsonException e)
        {
            throw new RegistryUnreachableException($"the registry's version {version} of {subject} is not JSON ({e.Message}).", e);
        }
    }
}
