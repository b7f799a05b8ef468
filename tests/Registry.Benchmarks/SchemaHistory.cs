using System.Globalization;
using System.Text;
using System.Text.Json;
using EventContracts.Schemas;

namespace EventContracts.Benchmarks;

/// <summary>
/// Generates the version history of one event contract: closed object schemas with a mix of property kinds,
/// where every version is BACKWARD compatible with every earlier one (so a transitive check walks the whole
/// history and finds nothing incompatible).
/// </summary>
/// <remarks>
/// Version 1 lacks the last <see cref="LateProperties"/> properties; versions 2…6 add them back one at a time
/// as optional properties of the closed model. Every later version relaxes one constraint (a longer
/// <c>maxLength</c>, a lower <c>minimum</c>, a higher <c>maximum</c>, a higher <c>maxItems</c>), cycling over the
/// properties that have one. Relaxations only ever loosen, so any later version reads data of any earlier one.
/// The newest version always has exactly <c>properties</c> properties, whatever the number of versions, so
/// comparing runs with 10, 100 and 1000 versions isolates the cost of the version count.
/// </remarks>
internal static class SchemaHistory
{
    /// <summary>
    /// Parse options for generated histories. The default budget (2,000,000 steps, 5 s per check) exists to stop hostile
    /// schemas; the largest cases may legitimately need more, and a check cut short would measure the budget, not the engine.
    /// </summary>
    public static SchemaParseOptions Unbounded { get; } = new()
    {
        Limits = SchemaLimits.Default with { MaxComparisonSteps = int.MaxValue, ComparisonTimeBudget = TimeSpan.FromMinutes(10) },
    };

    /// <summary>How many properties are added after version 1; fixed so schema size doesn't grow with the version count.</summary>
    public const int LateProperties = 5;

    private const int Kinds = 7;

    /// <summary>Versions 1…<paramref name="versions"/> as JSON text, oldest first.</summary>
    public static IReadOnlyList<string> Generate(int versions, int properties, HistoryShape shape = HistoryShape.Relaxing) =>
        Enumerable.Range(1, versions)
            .Select(version => shape switch
            {
                HistoryShape.Relaxing => Version(version, properties),
                HistoryShape.ConstantDifference => ConstantDifferenceVersion(version, versions, properties),
                _ => Version(LateProperties + 1, properties).Replace(
                    Invariant($"bench.recorded.v{LateProperties + 1}.json"), Invariant($"bench.recorded.v{version}.json"), StringComparison.Ordinal),
            })
            .ToList();

    /// <summary>How many constraints each older version of a <see cref="HistoryShape.ConstantDifference"/> history has tighter than the newest.</summary>
    public const int ChangedPerVersion = 3;

    /// <summary>
    /// A version of a <see cref="HistoryShape.ConstantDifference"/> history: every property present; the newest version has
    /// every relaxable constraint loosened once, each older one has <see cref="ChangedPerVersion"/> of them (chosen by its
    /// number, cycling) as they were, so the newest reads every older one and finds the same number of differences in each.
    /// </summary>
    public static string ConstantDifferenceVersion(int version, int versions, int properties)
    {
        var relaxable = Enumerable.Range(0, properties).Where(IsRelaxable).ToList();
        var tight = version == versions
            ? []
            : Enumerable.Range(0, ChangedPerVersion).Select(k => relaxable[((version * ChangedPerVersion) + k) % relaxable.Count]).ToHashSet();
        return Render(version, properties, slot => tight.Contains(slot) || !IsRelaxable(slot) ? 0 : 1);
    }

    /// <summary>The text of one version.</summary>
    public static string Version(int version, int properties)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(properties, LateProperties + Kinds);

        var present = properties - LateProperties + Math.Min(version - 1, LateProperties);
        var relaxable = Enumerable.Range(0, properties - LateProperties).Where(IsRelaxable).ToList();
        var relaxations = Math.Max(0, version - 1 - LateProperties);

        // Spread the relaxations evenly: the first (relaxations % count) relaxable slots got one more.
        return Render(version, present, slot =>
        {
            var index = relaxable.BinarySearch(slot);
            return index < 0 ? 0 : (relaxations / relaxable.Count) + (index < relaxations % relaxable.Count ? 1 : 0);
        }, required: properties - LateProperties);
    }

    /// <summary>The text of a version with <paramref name="present"/> properties, each loosened <paramref name="bumps"/> times.</summary>
    private static string Render(int version, int present, Func<int, int> bumps, int? required = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("$id", Invariant($"https://contracts.eventcontracts.dev/bench/bench.recorded.v{version}.json"));
            json.WriteString("title", "Benchmark event");
            json.WriteString("description", "A generated contract with many properties of every kind, for measuring compatibility checks.");
            json.WriteString("type", "object");
            json.WriteBoolean("additionalProperties", false);

            json.WriteStartArray("required");
            for (var slot = 0; slot < (required ?? present); slot += 3)
            {
                json.WriteStringValue(Name(slot));
            }

            json.WriteEndArray();

            json.WriteStartObject("properties");
            for (var slot = 0; slot < present; slot++)
            {
                WriteProperty(json, slot, bumps(slot));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static bool IsRelaxable(int slot) => (slot % Kinds) is not (3 or 6);

    private static string Name(int slot) => (slot % Kinds) switch
    {
        0 => "note",
        1 => "count",
        2 => "weight",
        3 => "enabled",
        4 => "address",
        5 => "tags",
        _ => "status",
    } + slot.ToString(CultureInfo.InvariantCulture);

    private static void WriteProperty(Utf8JsonWriter json, int slot, int bumps)
    {
        json.WriteStartObject(Name(slot));
        switch (slot % Kinds)
        {
            case 0:
                json.WriteString("description", "Free text shown to the customer.");
                json.WriteString("type", "string");
                json.WriteNumber("maxLength", 64 + (8 * bumps));
                break;
            case 1:
                json.WriteString("description", "How many units were counted.");
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", -bumps);
                break;
            case 2:
                json.WriteString("description", "Gross weight in kilograms.");
                json.WriteString("type", "number");
                json.WriteNumber("maximum", 1000 + (10 * bumps));
                break;
            case 3:
                json.WriteString("description", "Whether the feature was on.");
                json.WriteString("type", "boolean");
                break;
            case 4:
                json.WriteString("description", "A postal address.");
                json.WriteString("type", "object");
                json.WriteBoolean("additionalProperties", false);
                json.WriteStartArray("required");
                json.WriteStringValue("city");
                json.WriteEndArray();
                json.WriteStartObject("properties");
                json.WriteStartObject("city");
                json.WriteString("description", "City or town.");
                json.WriteString("type", "string");
                json.WriteNumber("maxLength", 100 + (8 * bumps));
                json.WriteEndObject();
                json.WriteStartObject("countryCode");
                json.WriteString("description", "ISO 3166-1 alpha-2 country code.");
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[A-Z]{2}$");
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case 5:
                json.WriteString("description", "Labels attached by staff.");
                json.WriteString("type", "array");
                json.WriteNumber("maxItems", 10 + bumps);
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                json.WriteNumber("maxLength", 32);
                json.WriteEndObject();
                break;
            default:
                json.WriteString("description", "Where the item is in its life cycle.");
                json.WriteString("type", "string");
                json.WriteStartArray("enum");
                foreach (var value in (ReadOnlySpan<string>)["pending", "in_progress", "done", "cancelled"])
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
