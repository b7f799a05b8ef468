using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventContracts.Linting;
using NJsonSchema;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// A contract file of the repository (copied beside the tests) and the record the generator made of it in this
/// assembly, found by its <c>EventType</c> and <c>SchemaVersion</c> constants.
/// </summary>
internal sealed class ContractFile
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "contracts");

    private readonly Lazy<Task<JsonSchema>> _schema;

    private ContractFile(string relativePath)
    {
        RelativePath = relativePath;
        Text = File.ReadAllText(Path.Combine(Folder, relativePath));
        Name = ContractFileName.TryParse(relativePath, out var name, out var problem)
            ? name!
            : throw new InvalidOperationException($"{relativePath}: {problem}");
        using (var document = JsonDocument.Parse(Text))
        {
            Root = document.RootElement.Clone();
        }

        _schema = new(() => JsonSchema.FromJsonAsync(WithDefinitionsForNJsonSchema(Text)));
    }

    /// <summary>Every contract file, by path relative to <c>contracts/</c> with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> All { get; } =
        Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every type the generator emitted into this assembly (a type with the <c>EventType</c> constant).</summary>
    public static IReadOnlyList<Type> GeneratedTypes { get; } =
        typeof(ContractFile).Assembly.GetTypes().Where(t => Constant(t, "EventType") is string).ToList();

    public string RelativePath { get; }

    public string Text { get; }

    public ContractFileName Name { get; }

    /// <summary>The one generated type with this file's event type and version; fails when there is none or more than one.</summary>
    public Type GeneratedType => GeneratedTypes.Single(t =>
        (string?)Constant(t, "EventType") == Name.EventType && (int?)Constant(t, "SchemaVersion") == Name.Version);

    /// <summary>The schema read by NJsonSchema, a validator independent of the generator and of Registry.Sdk.</summary>
    public Task<JsonSchema> SchemaAsync() => _schema.Value;

    public JsonElement Root { get; }

    public static ContractFile Get(string relativePath) => new(relativePath);

    /// <summary>The file the generated type <typeparamref name="T"/> was made from.</summary>
    public static ContractFile Of<T>() =>
        Get(All.Single(path => Get(path).GeneratedType == typeof(T)));

    /// <summary>
    /// NJsonSchema 11 resolves <c>#/definitions/…</c> but not draft 2020-12's <c>#/$defs/…</c> ("reference path has not
    /// been resolved"); the same schema with the root <c>$defs</c> renamed, and the <c>$ref</c>s to it, validates alike.
    /// </summary>
    private static string WithDefinitionsForNJsonSchema(string text)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        if (root["$defs"] is { } definitions && root["definitions"] is null)
        {
            root.Remove("$defs");
            root["definitions"] = definitions;
            Rewrite(root);
        }

        return root.ToJsonString();

        static void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith("#/$defs/", StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/definitions/" + reference.GetValue<string>()["#/$defs/".Length..];
                    }

                    foreach (var (_, child) in obj.ToList())
                    {
                        Rewrite(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }
    }

    public static object? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() : null;

    public override string ToString() => RelativePath;
}
