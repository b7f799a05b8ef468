using System.Text.Json;
using EventContracts.Compatibility;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// The compatibility corpus in <c>Cases/compat/*.json</c>: schema pairs with the verdict Confluent Schema Registry
/// gives them. Loading never throws, so one broken file shows up as a failing test instead of breaking discovery.
/// </summary>
internal static class CompatibilityCorpus
{
    private static readonly HashSet<string> KnownKeys =
        ["description", "previous", "candidate", "level", "policy", "compatible", "types", "paths"];

    private static readonly Lazy<(IReadOnlyList<CorpusEntry> Entries, IReadOnlyList<string> Errors)> Loaded =
        new(Load);

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Cases", "compat");

    /// <summary>Every case of every file, in file then array order.</summary>
    public static IReadOnlyList<CorpusEntry> Entries => Loaded.Value.Entries;

    /// <summary>Files that could not be read as a JSON array of objects.</summary>
    public static IReadOnlyList<string> LoadErrors => Loaded.Value.Errors;

    public static CorpusEntry Find(string file, string description) =>
        Entries.FirstOrDefault(e => e.File == file && e.Description == description)
        ?? throw new InvalidOperationException($"No case \"{description}\" in {file}.");

    /// <summary>Reads an entry into a case, or says everything that is wrong with it.</summary>
    public static CompatibilityCase? Read(CorpusEntry entry, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(problems);
        var json = entry.Json;
        var where = $"{entry.File} case {entry.Index} (\"{entry.Description}\")";

        foreach (var property in json.EnumerateObject().Where(p => !KnownKeys.Contains(p.Name)))
        {
            problems.Add($"{where}: unknown key \"{property.Name}\"");
        }

        if (!json.TryGetProperty("description", out var description) ||
            description.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(description.GetString()))
        {
            problems.Add($"{where}: \"description\" must be a non-empty string");
        }

        var previous = new List<string>();
        if (!json.TryGetProperty("previous", out var previousJson) || previousJson.ValueKind != JsonValueKind.Array ||
            previousJson.GetArrayLength() == 0)
        {
            problems.Add($"{where}: \"previous\" must be a non-empty array of schemas (oldest first)");
        }
        else
        {
            foreach (var schema in previousJson.EnumerateArray())
            {
                if (!IsSchema(schema))
                {
                    problems.Add($"{where}: every entry of \"previous\" must be a schema object or boolean");
                }

                previous.Add(schema.GetRawText());
            }
        }

        var candidate = string.Empty;
        if (!json.TryGetProperty("candidate", out var candidateJson) || !IsSchema(candidateJson))
        {
            problems.Add($"{where}: \"candidate\" must be a schema object or boolean");
        }
        else
        {
            candidate = candidateJson.GetRawText();
        }

        var level = CompatibilityLevel.Backward;
        if (json.TryGetProperty("level", out var levelJson) &&
            (levelJson.ValueKind != JsonValueKind.String || !CompatibilityLevels.TryParse(levelJson.GetString(), out level)))
        {
            problems.Add($"{where}: unknown level {levelJson.GetRawText()}");
        }

        var policy = CompatibilityPolicy.Strict;
        if (json.TryGetProperty("policy", out var policyJson) &&
            (policyJson.ValueKind != JsonValueKind.String || !CompatibilityLevels.TryParsePolicy(policyJson.GetString(), out policy)))
        {
            problems.Add($"{where}: unknown policy {policyJson.GetRawText()}");
        }

        var compatible = false;
        if (!json.TryGetProperty("compatible", out var compatibleJson) ||
            compatibleJson.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add($"{where}: \"compatible\" must be true or false");
        }
        else
        {
            compatible = compatibleJson.GetBoolean();
        }

        var types = new List<DifferenceType>();
        foreach (var name in Strings(json, "types", where, problems))
        {
            if (DifferenceTypes.TryParse(name, out var type))
            {
                types.Add(type);
            }
            else
            {
                problems.Add($"{where}: unknown difference type \"{name}\"");
            }
        }

        var paths = Strings(json, "paths", where, problems);
        foreach (var path in paths.Where(p => !p.StartsWith("#/", StringComparison.Ordinal)))
        {
            problems.Add($"{where}: path \"{path}\" is not a JSON pointer starting with #/");
        }

        return problems.Count > 0
            ? null
            : new CompatibilityCase(entry.File, entry.Description, previous, candidate, level, policy, compatible, types, paths);
    }

    private static bool IsSchema(JsonElement element) =>
        element.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False;

    private static List<string> Strings(JsonElement json, string key, string where, List<string> problems)
    {
        var values = new List<string>();
        if (!json.TryGetProperty(key, out var array))
        {
            return values;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: \"{key}\" must be an array of strings");
            return values;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                values.Add(item.GetString()!);
            }
            else
            {
                problems.Add($"{where}: \"{key}\" must hold only strings");
            }
        }

        return values;
    }

    private static (IReadOnlyList<CorpusEntry>, IReadOnlyList<string>) Load()
    {
        var entries = new List<CorpusEntry>();
        var errors = new List<string>();
        if (!Directory.Exists(Folder))
        {
            errors.Add($"The corpus folder {Folder} does not exist; is Cases/**/*.json still copied to the output?");
            return (entries, errors);
        }

        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{file}: the root must be an array of cases");
                    continue;
                }

                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.Object)
                    {
                        entries.Add(new CorpusEntry(file, index, element.Clone()));
                    }
                    else
                    {
                        errors.Add($"{file} case {index}: a case must be an object");
                    }

                    index++;
                }
            }
            catch (JsonException e)
            {
                errors.Add($"{file}: not valid JSON: {e.Message}");
            }
        }

        return (entries, errors);
    }
}
