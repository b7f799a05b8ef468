using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// Thousands of mutated schemas and requests, from a fixed seed, through registration, compatibility (Confluent and
/// native) and lint. The registry must answer every one with a status below 500, each within a second.
/// </summary>
public abstract class FuzzTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : FuzzTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : FuzzTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private const int Requests = 2_400;
    private const int InFlight = 8;

    private static readonly string[] Keywords =
    [
        "type", "properties", "required", "items", "prefixItems", "additionalProperties", "patternProperties", "enum", "const",
        "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "$ref", "$defs", "definitions", "minimum", "maximum",
        "exclusiveMinimum", "multipleOf", "minLength", "maxLength", "pattern", "format", "dependentRequired",
        "dependentSchemas", "unevaluatedProperties", "propertyNames", "contains", "minItems", "uniqueItems", "$schema", "$id",
    ];

    private static readonly string[] Palette =
    [
        """{"$ref":"#"}""", """{"$ref":"#/$defs/nope"}""", """{"$ref":"http://127.0.0.1:9/x.json"}""", """{"$ref":"file:///etc/passwd"}""",
        """{"$ref":"#/properties"}""", """{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/a"}}}""", """{"pattern":"^(a+)+$"}""",
        """{"pattern":"(["}""", """{"patternProperties":{"^(a|aa)+$":{"type":"string"}},"properties":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!":{}}}""",
        """{"type":["string","null","integer"]}""", """{"type":"nope"}""", """{"type":7}""", """{"multipleOf":0}""", """{"minLength":-1}""",
        """{"maximum":1e400}""", """{"minimum":-0.0}""", """{"enum":[]}""", """{"enum":[1,1,"1",{"a":[]}]}""", """{"const":null}""",
        """{"oneOf":[]}""", """{"allOf":[true,false]}""", """{"not":{}}""", """{"items":[{"type":"string"},false]}""", """{"required":["x","x"]}""",
        """{"$schema":"http://json-schema.org/draft-04/schema#","exclusiveMinimum":true,"minimum":1}""", """{"$schema":"urn:unknown"}""",
        """{"if":{"properties":{"a":{"const":1}}},"then":{"required":["b"]},"else":false}""", "true", "false", "null", "[]", "0", "\"\"",
        "1e99999", """{"\u0000":{"type":"string"}}""", """{"format":"date-time","default":"not a date"}""",
    ];

    // Mutants nest deeper than System.Text.Json's default of 64 (and the registry's 256): that is the point.
    private static readonly System.Text.Json.JsonSerializerOptions Deeply = new() { MaxDepth = 100_000 };

    private readonly HttpClient _http = host.Http;

    [SkippableFact]
    public async Task Mutated_schemas_and_requests_never_get_a_5xx_or_take_over_a_second()
    {
        var seeds = Seeds();
        var random = new Random(20261129);
        var work = Enumerable.Range(0, Requests).Select(i => Make(random, seeds, i)).ToList();
        var failures = new ConcurrentQueue<string>();

        // Warm up first (JIT, the database, the first registration), so the timings are of the requests themselves.
        foreach (var warmUp in work.Take(12))
        {
            using var message = new HttpRequestMessage(warmUp.Method, warmUp.Path) { Content = warmUp.Body is null ? null : new StringContent(warmUp.Body, Encoding.UTF8, warmUp.ContentType) };
            using var response = await _http.SendAsync(message);
        }

        var slowest = TimeSpan.Zero;
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (request, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var message = new HttpRequestMessage(request.Method, request.Path) { Content = request.Body is null ? null : new StringContent(request.Body, Encoding.UTF8, request.ContentType) };
            using var response = await _http.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            lock (failures)
            {
                slowest = elapsed > slowest ? elapsed : slowest;
            }

            if ((int)response.StatusCode >= 500 || elapsed > TimeSpan.FromSeconds(1))
            {
                failures.Enqueue($"{request.Method} {request.Path} → {(int)response.StatusCode} in {elapsed.TotalMilliseconds:0} ms: {Shorten(body)}\n  body: {Shorten(request.Body)}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Requests} failed (slowest {slowest.TotalMilliseconds:0} ms):\n" + string.Join("\n", failures.Take(5)));

        // The fuzzer must reach past the parser: some mutants are accepted, some refused as incompatible, most as invalid.
        var seen = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(statuses.GetValueOrDefault(200) > Requests / 20, seen);
        Assert.True(statuses.GetValueOrDefault(409) > 0, seen);
        Assert.True(statuses.GetValueOrDefault(422) > Requests / 10, seen);
    }

    private sealed record FuzzRequest(HttpMethod Method, string Path, string? Body, string ContentType = "application/vnd.schemaregistry.v1+json");

    private static List<JsonNode> Seeds()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "contracts");
        var seeds = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList()
            : [];
        seeds.Add(JsonNode.Parse(Contracts.Order())!);
        return seeds;
    }

    private static FuzzRequest Make(Random random, List<JsonNode> seeds, int index)
    {
        var schema = Mutate(random, seeds[random.Next(seeds.Count)].DeepClone(), random.Next(1, 4));
        var text = random.Next(8) == 0 ? MutateText(random, schema.ToJsonString(Deeply)) : schema.ToJsonString(Deeply);
        var subject = "fuzz" + (index % 40).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".order.created-value";
        var schemaBody = new JsonObject { ["schema"] = text };
        if (random.Next(10) == 0)
        {
            schemaBody["schemaType"] = random.Next(2) == 0 ? "AVRO" : "json";
        }

        if (random.Next(12) == 0)
        {
            schemaBody["references"] = JsonNode.Parse("""[{"name":"x.json","subject":"nobody","version":-7}]""");
        }

        return (index % 6) switch
        {
            0 or 1 => new FuzzRequest(HttpMethod.Post, $"subjects/{subject}/versions", schemaBody.ToJsonString(Deeply)),
            2 => new FuzzRequest(HttpMethod.Post, $"compatibility/subjects/{subject}/versions/{Version(random)}?verbose=true", schemaBody.ToJsonString(Deeply)),
            3 => new FuzzRequest(HttpMethod.Post, "v1/compatibility", new JsonObject { ["previous"] = new JsonArray(seeds[random.Next(seeds.Count)].DeepClone()), ["candidate"] = text, ["level"] = random.Next(4) == 0 ? "SIDEWAYS" : "FULL_TRANSITIVE" }.ToJsonString(Deeply), "application/json"),
            4 => new FuzzRequest(HttpMethod.Post, "v1/lint", new JsonObject { ["schema"] = text, ["eventType"] = random.Next(3) == 0 ? "Order..Created" : "order.created" }.ToJsonString(Deeply), "application/json"),
            _ => new FuzzRequest(HttpMethod.Post, $"subjects/{subject}", random.Next(4) == 0 ? MutateText(random, schemaBody.ToJsonString(Deeply)) : schemaBody.ToJsonString(Deeply)),
        };
    }

    private static string Version(Random random) => random.Next(6) switch
    {
        0 => "-1",
        1 => "99999999999",
        2 => "0",
        3 => "first",
        _ => "latest",
    };

    private static JsonNode Mutate(Random random, JsonNode root, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var target = nodes[random.Next(nodes.Count)];
            var replacement = random.Next(4) switch
            {
                0 => JsonNode.Parse(Palette[random.Next(Palette.Length)]),
                1 => nodes[random.Next(nodes.Count)].DeepClone(),
                2 => Deep(random.Next(2, 400)),
                _ => null,
            };

            if (target.Parent is JsonObject parent)
            {
                var key = parent.First(p => ReferenceEquals(p.Value, target)).Key;
                if (replacement is null)
                {
                    parent.Remove(key);
                    parent[Keywords[random.Next(Keywords.Length)]] = target.DeepClone();
                }
                else
                {
                    parent[key] = replacement;
                }
            }
            else if (target.Parent is JsonArray array)
            {
                array[array.IndexOf(target)] = replacement ?? JsonNode.Parse(Palette[random.Next(Palette.Length)]);
            }
            else if (replacement is JsonObject)
            {
                root = replacement;
            }
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a.AsEnumerable(), _ => [] })
        {
            Collect(child, into);
        }
    }

    private static JsonNode Deep(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("{\"type\":\"object\",\"properties\":{\"n\":");
        }

        text.Append("{}");
        text.Insert(text.Length, "}}", depth);
        return JsonNode.Parse(text.ToString(), documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 2048 })!;
    }

    private static string MutateText(Random random, string text)
    {
        var position = random.Next(text.Length + 1);
        return random.Next(5) switch
        {
            0 => text[..position],
            4 => text.Insert(position, "\"\\ud800\":1,"),
            1 => text.Insert(position, ((char)random.Next(0, 0x3000)).ToString()),
            2 => text.Insert(position, "{\"$ref\":\"#\"},"),
            _ => position < text.Length ? text.Remove(position, 1) : text + "}",
        };
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 300 ? text : text[..300] + "…";
}
