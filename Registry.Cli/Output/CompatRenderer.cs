using System.Globalization;
using EventContracts.Compatibility;
using Spectre.Console;

namespace EventContracts.Cli.Output;

/// <summary>Renders a <see cref="CompatibilityResult"/> as the documented JSON or as a table with a verdict.</summary>
internal static class CompatRenderer
{
    public static void WriteJson(CompatibilityResult result) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteBoolean("compatible", result.IsCompatible);
        json.WriteString("level", result.Level.ToWireName());
        json.WriteStartArray("differences");
        foreach (var difference in result.Differences)
        {
            json.WriteStartObject();
            json.WriteString("type", difference.Type.ToWireName());
            json.WriteString("path", difference.Path);
            json.WriteBoolean("compatible", difference.IsCompatible);
            json.WriteString("message", difference.Message);
            json.WriteNumber("againstVersion", difference.AgainstVersion);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteText(IAnsiConsole console, CompatibilityResult result, string candidatePath, IReadOnlyList<string> againstPaths)
    {
        if (result.Differences.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Against")
                .AddColumn("Direction")
                .AddColumn("Verdict")
                .AddColumn(new TableColumn("Type").NoWrap())
                .AddColumn("Path")
                .AddColumn("Message");
            foreach (var difference in result.Differences)
            {
                var against = difference.AgainstVersion >= 1 && difference.AgainstVersion <= againstPaths.Count
                    ? $"v{difference.AgainstVersion} {againstPaths[difference.AgainstVersion - 1]}"
                    : $"v{difference.AgainstVersion.ToString(CultureInfo.InvariantCulture)}";

                // The verdict is spelled out so the table reads the same without colour.
                var style = difference.IsCompatible ? Style.Plain : new Style(Color.Red, decoration: Decoration.Bold);
                table.AddRow(
                    new Text(against),
                    new Text(difference.Direction == CompatibilityDirection.Backward ? "backward" : "forward"),
                    new Text(difference.IsCompatible ? "ok" : "BREAKS", style),
                    new Text(difference.Type.ToWireName(), style),
                    new Text(difference.Path),
                    new Text(difference.Message));
            }

            console.Write(table);
        }

        var incompatible = result.Differences.Count(d => !d.IsCompatible);
        var level = $"{result.Level.ToWireName()} ({result.Policy.ToWireName()})";
        var versions = againstPaths.Count == 1 ? "1 previous version" : $"{againstPaths.Count} previous versions";
        var verdict = result.IsCompatible
            ? $"[green]Compatible:[/] {Terminal.Text(candidatePath)} may follow {versions} under {level}; {Count(result.Differences.Count, "difference")}, none breaking."
            : $"[red bold]Incompatible:[/] {Terminal.Text(candidatePath)} breaks {level} against {versions}: {Count(incompatible, "breaking difference")}.";
        console.MarkupLine(verdict);
    }

    private static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
