using System.CommandLine;
using System.Globalization;
using EventContracts.Cli.Input;
using EventContracts.Cli.Output;
using EventContracts.Cli.Registry;
using EventContracts.Keys;

namespace EventContracts.Cli.Commands;

/// <summary><c>evc keys create|list|revoke</c>: the registry's API keys, with an admin key in <c>EVC_API_KEY</c>.</summary>
internal static class KeysCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json];

    public static Command Create() =>
        new("keys", "Manage the registry's API keys (needs an admin key in EVC_API_KEY, except for the first key of a registry that has none).")
        {
            CreateCommand(), ListCommand(), RevokeCommand(),
        };

    private static Command CreateCommand()
    {
        var role = new Option<string>("--role") { Description = "reader, writer or admin.", Required = true, HelpName = "reader|writer|admin" };
        var scopes = new Option<string[]>("--scope")
        {
            Description = "A subject prefix a writer key is limited to, e.g. order. (repeat for several); without it a writer may change every subject.",
            HelpName = "prefix",
            AllowMultipleArgumentsPerToken = false,
        };
        var description = new Option<string?>("--description") { Description = "What the key is for, e.g. \"orders CI\".", HelpName = "text" };
        var registry = CommonOptions.Registry();
        var output = CommonOptions.Output(Formats);
        var command = new Command("create", "Create an API key and print its token (id:secret) once; the registry keeps only a hash. Exit 0 created, 3 on a bad argument or a refusal (not an admin key, bad scope), 4 when the registry is unreachable.")
        {
            role, scopes, description, registry, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new ApiKeyRequest(ParseRole(parseResult.GetValue(role)), parseResult.GetValue(scopes), parseResult.GetValue(description));
            var format = CommonOptions.ParseOutput(parseResult.GetValue(output), Formats);
            using var client = RegistryClient.Create(parseResult.GetValue(registry));
            var answer = await client.CreateKeyAsync(request, cancellationToken);
            if (format == OutputFormat.Json)
            {
                Console.Out.Write(answer.Body.TrimEnd() + "\n");
                return ExitCodes.Ok;
            }

            var key = answer.Value.Key;
            Console.Out.Write($"Created {Describe(key)}.\n");
            Console.Out.Write("Token (shown only now; the registry keeps only a hash of the secret):\n");
            Console.Out.Write($"{answer.Value.Token}\n");
            Console.Out.Write($"Use it as {RegistryClient.KeyVariable}, as a bearer token, or as basic.auth.user.info in Confluent clients.\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var registry = CommonOptions.Registry();
        var output = CommonOptions.Output(Formats);
        var command = new Command("list", "List the API keys, revoked ones included, oldest first (never their secrets). Exit 0, 3 on a refusal (not an admin key), 4 when the registry is unreachable.")
        {
            registry, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.ParseOutput(parseResult.GetValue(output), Formats);
            using var client = RegistryClient.Create(parseResult.GetValue(registry));
            var answer = await client.ListKeysAsync(cancellationToken);
            if (format == OutputFormat.Json)
            {
                Console.Out.Write(answer.Body.TrimEnd() + "\n");
                return ExitCodes.Ok;
            }

            if (answer.Value.Count == 0)
            {
                Console.Out.Write("No API keys: the registry runs open. Create the first with: evc keys create --role admin\n");
                return ExitCodes.Ok;
            }

            Console.Out.Write("ID                    ROLE    CREATED               REVOKED               SCOPES  DESCRIPTION\n");
            foreach (var key in answer.Value)
            {
                var scopes = key.Scopes.Count == 0 ? "-" : string.Join(',', key.Scopes);
                Console.Out.Write($"{key.Id,-21} {key.Role.ToWireName(),-7} {Time(key.CreatedAt),-21} {(key.RevokedAt is { } revoked ? Time(revoked) : "-"),-21} {scopes,-7} {key.Description}".TrimEnd() + "\n");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var id = new Argument<string>("id") { Description = "The key id, e.g. evc_0123456789abcdef (evc keys list shows them)." };
        var registry = CommonOptions.Registry();
        var command = new Command("revoke", "Revoke an API key; requests with it get 401 from then on. Exit 0 revoked (or already), 3 on an unknown key or the last admin key, 4 when the registry is unreachable.")
        {
            id, registry,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var keyId = parseResult.GetValue(id)?.Trim();
            if (string.IsNullOrEmpty(keyId) || keyId.Contains(':', StringComparison.Ordinal))
            {
                throw new InputException($"'{keyId}' is not a key id; give the id alone (evc_…), not the token.");
            }

            using var client = RegistryClient.Create(parseResult.GetValue(registry));
            var answer = await client.RevokeKeyAsync(keyId, cancellationToken);
            Console.Out.Write($"Revoked {Describe(answer.Value)} (at {Time(answer.Value.RevokedAt!.Value)}).\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ApiKeyRole ParseRole(string? text) => ApiKeyRoles.TryParse(text, out var role)
        ? role
        : throw new InputException($"unknown role '{text}'; use one of: {string.Join(", ", Enum.GetValues<ApiKeyRole>().Select(r => r.ToWireName()))}.");

    private static string Describe(ApiKeyInfo key) =>
        $"{key.Role.ToWireName()} key {key.Id}" + (key.Scopes.Count == 0 ? string.Empty : $" (scopes: {string.Join(", ", key.Scopes)})");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
