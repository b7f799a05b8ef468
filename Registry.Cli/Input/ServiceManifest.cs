using System.Globalization;
using System.Text.RegularExpressions;
using EventContracts.Deployments;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EventContracts.Cli.Input;

/// <summary>
/// A service's <c>eventcontracts.yaml</c> (DESIGN §4): its name and the contracts it produces and consumes, as
/// <c>&lt;event-type&gt;@&lt;version&gt;</c>. Every problem is an <see cref="InputException"/> that names the file, the
/// line and column, and what is wrong.
/// </summary>
internal sealed partial record ServiceManifest(string Service, IReadOnlyList<string> Produces, IReadOnlyList<string> Consumes)
{
    private const string Shape = "a manifest has `service: <name>`, and `produces:` and `consumes:` lists of contracts like order.created@3";

    public static ServiceManifest Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a directory; give the manifest file, e.g. --manifest eventcontracts.yaml.");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found; give the service's manifest, e.g. --manifest eventcontracts.yaml.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static ServiceManifest Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InputException($"{At(path, e.Start)}: not valid YAML: {WithoutPosition(e.Message)}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new InputException($"{path}: the manifest is empty; {Shape}.");
        }

        if (stream.Documents.Count > 1)
        {
            throw new InputException($"{At(path, stream.Documents[1].RootNode.Start)}: a second YAML document; the manifest is one document.");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException($"{At(path, stream.Documents[0].RootNode.Start)}: the manifest is not a mapping; {Shape}.");
        }

        string? service = null;
        IReadOnlyList<string> produces = [];
        IReadOnlyList<string> consumes = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null || !seen.Add(key))
            {
                throw new InputException(key is null
                    ? $"{At(path, keyNode.Start)}: a key must be a plain name; {Shape}."
                    : $"{At(path, keyNode.Start)}: '{key}' is given twice.");
            }

            switch (key)
            {
                case "service":
                    service = ReadService(path, value);
                    break;
                case "produces":
                    produces = ReadContracts(path, key, value);
                    break;
                case "consumes":
                    consumes = ReadContracts(path, key, value);
                    break;
                default:
                    throw new InputException($"{At(path, keyNode.Start)}: unknown key '{key}'; {Shape}.");
            }
        }

        if (service is null)
        {
            throw new InputException($"{At(path, root.Start)}: the manifest has no `service:`; name the service, like `service: orders`.");
        }

        return new ServiceManifest(service, produces, consumes);
    }

    private static string ReadService(string path, YamlNode value)
    {
        if (value is not YamlScalarNode { Value: { } name } || IsNull(value))
        {
            throw new InputException($"{At(path, value.Start)}: `service` must be the service's name, like `service: orders`.");
        }

        return DeploymentNames.CheckService(name) is { } problem
            ? throw new InputException($"{At(path, value.Start)}: {problem}")
            : name;
    }

    private static List<string> ReadContracts(string path, string key, YamlNode value)
    {
        if (IsNull(value))
        {
            // `consumes:` with nothing under it: a service that consumes nothing.
            return [];
        }

        if (value is not YamlSequenceNode list)
        {
            throw new InputException($"{At(path, value.Start)}: `{key}` must be a list of contracts, one `- order.created@3` per line.");
        }

        var contracts = new List<string>(list.Children.Count);
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { } text } || IsNull(item))
            {
                throw new InputException($"{At(path, item.Start)}: each entry of `{key}` must be a contract like order.created@3.");
            }

            if (!ContractReference.TryParse(text, out var contract, out var problem))
            {
                throw new InputException($"{At(path, item.Start)}: {problem}");
            }

            var canonical = contract.ToString();
            if (contracts.Contains(canonical))
            {
                throw new InputException($"{At(path, item.Start)}: {canonical} is listed twice under `{key}`.");
            }

            contracts.Add(canonical);
        }

        return contracts;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string At(string path, Mark mark) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}:{mark.Line}:{mark.Column}");

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the position is already in front.
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
