using System.Text.Json;
using EventContracts.Compatibility;
using Spectre.Console;

namespace EventContracts.Cli.Output;

/// <summary>Renders a <see cref="SchemaDiffReport"/> as the documented JSON or as tables.</summary>
internal static class DiffRenderer
{
    public static void WriteJson(SchemaDiffReport report, string fromPath, string toPath) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("from", fromPath);
        json.WriteString("to", toPath);
        json.WritePropertyName("verdicts");
        WriteLevels(json, report.Verdicts);
        json.WriteStartArray("differences");
        foreach (var entry in report.Differences)
        {
            json.WriteStartObject();
            json.WriteString("type", entry.Type.ToWireName());
            json.WriteString("path", entry.Path);
            json.WriteString("direction", Direction(entry.Direction));
            json.WriteBoolean("compatible", entry.IsCompatible);
            json.WriteString("message", entry.Message);
            json.WritePropertyName("levels");
            WriteLevels(json, entry.CompatibleUnder);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteText(IAnsiConsole console, SchemaDiffReport report, string fromPath, string toPath)
    {
        console.MarkupLine($"Diff {Terminal.Text(fromPath)} -> {Terminal.Text(toPath)} ({report.Policy.ToWireName()})");

        if (report.Differences.Count == 0)
        {
            console.WriteLine("No differences.");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Direction")
                .AddColumn("Verdict")
                .AddColumn(new TableColumn("Type").NoWrap())
                .AddColumn("Path")
                .AddColumn("Refused by")
                .AddColumn("Message");
            foreach (var entry in report.Differences)
            {
                var style = entry.IsCompatible ? Style.Plain : new Style(Color.Red, decoration: Decoration.Bold);
                var refusedBy = CompatibilityLevels.All
                    .Where(level => entry.CompatibleUnder.TryGetValue(level, out var ok) && !ok)
                    .Select(level => level.ToWireName())
                    .ToList();
                table.AddRow(
                    new Text(Direction(entry.Direction)),
                    new Text(entry.IsCompatible ? "ok" : "BREAKS", style),
                    new Text(entry.Type.ToWireName(), style),
                    new Text(entry.Path),
                    new Text(refusedBy.Count == 0 ? "-" : string.Join(", ", refusedBy)),
                    new Text(entry.Message));
            }

            console.Write(table);
        }

        var verdicts = new Table().Border(TableBorder.Rounded).AddColumn("Level").AddColumn("Accepts the change");
        foreach (var level in CompatibilityLevels.All)
        {
            if (report.Verdicts.TryGetValue(level, out var accepted))
            {
                verdicts.AddRow(
                    new Text(level.ToWireName()),
                    new Text(accepted ? "yes" : "no", accepted ? new Style(Color.Green) : new Style(Color.Red, decoration: Decoration.Bold)));
            }
        }

        console.Write(verdicts);
    }

    // Levels in Confluent's documentation order, whatever order the engine's dictionary holds them in.
    private static void WriteLevels(Utf8JsonWriter json, IReadOnlyDictionary<CompatibilityLevel, bool> levels)
    {
        json.WriteStartObject();
        foreach (var level in CompatibilityLevels.All)
        {
            if (levels.TryGetValue(level, out var compatible))
            {
                json.WriteBoolean(level.ToWireName(), compatible);
            }
        }

        json.WriteEndObject();
    }

    private static string Direction(CompatibilityDirection direction) =>
        direction == CompatibilityDirection.Backward ? "backward" : "forward";
}
