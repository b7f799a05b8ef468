using System.Globalization;
using EventContracts.Linting;
using EventContracts.Schemas;

namespace EventContracts.Cli.Input;

/// <summary>One contract file: version <see cref="Version"/> of <see cref="EventType"/>, as found under a folder.</summary>
/// <remarks>Path: the file as found (relative when the folder was), for messages and annotations. Schema: the parsed schema; its text is what gets registered, byte for byte.</remarks>
internal sealed record ContractVersionFile(string Path, string EventType, int Version, ContractSchema Schema);

/// <summary>The files of one event type, v1 to vN without gaps, in version order.</summary>
internal sealed record ContractVersions(string EventType, IReadOnlyList<ContractVersionFile> Files);

/// <summary>
/// Reads contract folders for <c>evc register</c> and <c>evc check</c>: every <c>*.json</c> must be named
/// <c>&lt;event-type&gt;.v&lt;N&gt;.json</c> (DESIGN §4) and hold a schema, and each event type's versions must run
/// from v1 without a gap. Anything else is an input error (exit 3) naming the file.
/// </summary>
internal static class ContractVersionFiles
{
    public static IReadOnlyList<ContractVersions> Load(IReadOnlyList<string> paths)
    {
        var files = ContractFiles.Find(paths);
        if (files.Count == 0)
        {
            throw new InputException($"{string.Join(", ", paths)}: no contract files (<event-type>.v<N>.json) found.");
        }

        var byType = new Dictionary<string, List<ContractVersionFile>>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            if (!ContractFileName.TryParse(path, out var name, out var problem))
            {
                throw new InputException($"{path}: not a contract file name: {problem}.");
            }

            var schema = SchemaFiles.Load(path);
            if (!byType.TryGetValue(name!.EventType, out var versions))
            {
                byType[name.EventType] = versions = [];
            }

            if (versions.Find(v => v.Version == name.Version) is { } twin)
            {
                throw new InputException($"{path}: version {name.Version} of {name.EventType} is also in {twin.Path}; keep one file per version.");
            }

            versions.Add(new ContractVersionFile(path, name.EventType, name.Version, schema));
        }

        var result = new List<ContractVersions>(byType.Count);
        foreach (var (eventType, versions) in byType.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            versions.Sort((a, b) => a.Version.CompareTo(b.Version));
            for (var i = 0; i < versions.Count; i++)
            {
                var expected = i + 1;
                if (versions[i].Version != expected)
                {
                    // Name the missing file where it belongs: beside the version that follows the gap.
                    var folder = System.IO.Path.GetDirectoryName(versions[i].Path);
                    var missing = string.Create(CultureInfo.InvariantCulture, $"{eventType}.v{expected}.json");
                    var where = string.IsNullOrEmpty(folder) ? missing : System.IO.Path.Combine(folder, missing);
                    throw new InputException($"{where} is missing: the versions of {eventType} must run from v1 without a gap, and {versions[i].Path} is v{versions[i].Version}.");
                }
            }

            result.Add(new ContractVersions(eventType, versions));
        }

        return result;
    }
}
