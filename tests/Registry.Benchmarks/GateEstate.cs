using System.Globalization;
using System.Text.Json.Nodes;

namespace EventContracts.Benchmarks;

/// <summary>
/// A deterministic estate for the deploy gate: event types with several schema versions each, services with releases
/// that produce 1–2 types and consume 3–6, and three environments running different releases of every service.
/// </summary>
public sealed class GateEstate
{
    public const int Services = 500;
    public const int ReleasesPerService = 20;
    public const int EventTypes = 200;
    public static readonly string[] Environments = ["dev", "staging", "production"];

    private GateEstate(IReadOnlyList<EventTypeHistory> types, IReadOnlyList<ServicePlan> services)
    {
        Types = types;
        ServicePlans = services;
    }

    public IReadOnlyList<EventTypeHistory> Types { get; }

    public IReadOnlyList<ServicePlan> ServicePlans { get; }

    public static GateEstate Generate(int seed = 42)
    {
        var random = new Random(seed);
        var types = Enumerable.Range(0, EventTypes).Select(i => EventTypeHistory.Generate(i, random)).ToList();
        var services = new List<ServicePlan>(Services);
        for (var s = 0; s < Services; s++)
        {
            // Every type has a producer: service s produces type s % 200 (500 services cover 200 types 2–3 times), and maybe one more.
            var produces = new List<int> { s % EventTypes };
            if (random.Next(2) == 0)
            {
                produces.Add(random.Next(EventTypes));
            }

            var consumes = new HashSet<int>();
            var count = random.Next(3, 7);
            while (consumes.Count < count)
            {
                consumes.Add(random.Next(EventTypes));
            }

            var deployed = new Dictionary<string, int>
            {
                ["production"] = random.Next(14, 18),
                ["staging"] = random.Next(17, 20),
                ["dev"] = ReleasesPerService,
            };
            services.Add(new ServicePlan(Name(s), [.. produces.Distinct()], [.. consumes.Order()], deployed));
        }

        return new GateEstate(types, services);
    }

    public static string Name(int service) => string.Create(CultureInfo.InvariantCulture, $"svc-{service:000}");

    public static string Version(int release) => string.Create(CultureInfo.InvariantCulture, $"1.{release}.0");

    /// <summary>The contracts release <paramref name="release"/> (1–20) of a service declares: later releases name later schema versions; consumers lag a little.</summary>
    public (string[] Produces, string[] Consumes) Contracts(ServicePlan service, int release)
    {
        ArgumentNullException.ThrowIfNull(service);
        return (
            [.. service.Produces.Select(t => Types[t].Contract(VersionAt(Types[t], release)))],
            [.. service.Consumes.Select(t => Types[t].Contract(Math.Max(1, VersionAt(Types[t], release) - 1)))]);

        static int VersionAt(EventTypeHistory type, int release) => 1 + ((release - 1) * type.Versions.Count / ReleasesPerService);
    }
}

/// <summary>A service: the types it produces and consumes (indexes into the estate's types) and its release deployed per environment.</summary>
public sealed record ServicePlan(string Name, IReadOnlyList<int> Produces, IReadOnlyList<int> Consumes, IReadOnlyDictionary<string, int> Deployed);

/// <summary>An event type with its schema versions: a closed object of 20–40 properties; each version adds an optional one.</summary>
public sealed record EventTypeHistory(string Name, IReadOnlyList<string> Versions)
{
    public string Contract(int version) => string.Create(CultureInfo.InvariantCulture, $"{Name}@{version}");

    public static EventTypeHistory Generate(int index, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var name = string.Create(CultureInfo.InvariantCulture, $"d{index:000}.order.created");
        var baseCount = random.Next(20, 41);
        var versionCount = random.Next(3, 7);
        var versions = new List<string>(versionCount);
        for (var v = 0; v < versionCount; v++)
        {
            versions.Add(Schema(name, baseCount + v, baseCount));
        }

        return new EventTypeHistory(name, versions);
    }

    private static string Schema(string name, int count, int requiredCount)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        for (var p = 0; p < count; p++)
        {
            var property = string.Create(CultureInfo.InvariantCulture, $"field{p}");
            properties[property] = (p % 6) switch
            {
                0 => new JsonObject { ["type"] = "string", ["maxLength"] = 200 },
                1 => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                2 => new JsonObject { ["type"] = "number", ["maximum"] = 1_000_000 },
                3 => new JsonObject { ["type"] = "boolean" },
                4 => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("new", "paid", "shipped") },
                _ => new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["street"] = new JsonObject { ["type"] = "string" }, ["city"] = new JsonObject { ["type"] = "string" } },
                    ["required"] = new JsonArray("city"),
                    ["additionalProperties"] = false,
                },
            };
            if (p < requiredCount / 2)
            {
                required.Add(property);
            }
        }

        return new JsonObject
        {
            ["title"] = name,
            ["description"] = "A generated event for the gate benchmark.",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        }.ToJsonString();
    }
}
